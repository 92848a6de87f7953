// The shell: log in, then the views the user's roles allow. Only the auditor's log review is built so
// far; the API serves everything else.
import { useEffect, useState } from "react";
import { AccessReviewView } from "./AccessReviewView";
import { currentSession, logOut, type SignedIn } from "./api";
import { LoginForm } from "./LoginForm";

const roleNames: Record<string, string> = {
  admin: "administratör",
  unit_manager: "enhetschef",
  caseworker: "handläggare",
  statistician: "statistiker",
  auditor: "granskare",
  school_reporter: "skolrapportör",
};

export function App() {
  const [session, setSession] = useState<SignedIn | null | undefined>(undefined);
  const [error, setError] = useState("");

  useEffect(() => {
    currentSession().then(setSession, () => {
      setSession(null);
      setError("Servern svarar inte. Försök igen om en stund.");
    });
  }, []);

  if (session === undefined) return <p className="page">Laddar …</p>;
  if (session === null)
    return (
      <main className="page narrow">
        <h1>Lotsen</h1>
        {error && <p role="alert">{error}</p>}
        <LoginForm onSignedIn={setSession} />
      </main>
    );

  const signOut = async () => {
    try {
      await logOut(session);
    } finally {
      setSession(null);
    }
  };
  return (
    <>
      <header className="top">
        <span className="brand">Lotsen</span>
        <span>
          {session.username} ({session.roles.map((r) => roleNames[r] ?? r).join(", ")})
        </span>
        <button type="button" onClick={signOut}>
          Logga ut
        </button>
      </header>
      <main className="page">
        {session.roles.includes("auditor") ? (
          <AccessReviewView />
        ) : (
          <p>
            Webbgränssnittet visar ännu bara granskningen av åtkomstloggen, för rollen granskare. Allt annat
            finns i API:t under <code>/api/v1</code>.
          </p>
        )}
      </main>
    </>
  );
}
