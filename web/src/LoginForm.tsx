import { useState, type FormEvent } from "react";
import { ApiError, logIn, type SignedIn } from "./api";

export function LoginForm({ onSignedIn }: { onSignedIn: (session: SignedIn) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      onSignedIn(await logIn(username, password));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? "Fel användarnamn eller lösenord."
          : e instanceof ApiError && e.status === 429
            ? "För många misslyckade försök. Vänta en stund och försök igen."
            : "Inloggningen misslyckades. Försök igen.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack">
      <h2>Logga in</h2>
      <label>
        Användarnamn
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        Lösenord
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        Logga in
      </button>
    </form>
  );
}
