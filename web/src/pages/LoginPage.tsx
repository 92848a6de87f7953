// Login. Empty fields are refused here, in the same error summary as the server's problems; a wrong
// password is the server's own (Swedish) message in an alert. Afterwards the user is taken to the page
// they came from (a bookmark, a reload after the session ended), else to Idag.
import { Box, Button, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate, type Location } from "react-router-dom";
import { ApiProblem } from "../api/client";
import { useLogIn, type Session } from "../api/queries";
import { PublicHeader } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { FormProblems, fieldError } from "../components/Problems";
import { useT } from "../i18n";

const fieldIds = { username: "login-username", password: "login-password" };

function target(location: Location): string {
  const from = (location.state as { from?: Location } | null)?.from;
  if (!from || from.pathname === "/logga-in") return "/";
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginPage({ session }: { session: Session | null }) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const logIn = useLogIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<unknown>(null);

  if (session && !logIn.isPending) return <Navigate to={target(location)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = [
      ...(username.trim() ? [] : [{ field: "username", detail: t.usernameRequired }]),
      ...(password ? [] : [{ field: "password", detail: t.passwordRequired }]),
    ];
    if (errors.length > 0) {
      setProblem(new ApiProblem(0, { errors }));
      return;
    }
    setProblem(null);
    logIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => navigate(target(location), { replace: true }),
        onError: (error) => setProblem(error),
      },
    );
  };

  return (
    <>
    <PublicHeader />
    <main id="main" className="page">
      <Box className="narrow">
        <PageHeading>{t.loginTitle}</PageHeading>
        <form onSubmit={submit} noValidate>
          <VStack gap="6">
            <FormProblems problem={problem} fieldIds={fieldIds} />
            <TextField
              id={fieldIds.username}
              label={t.username}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              error={fieldError(problem, "username")}
            />
            <TextField
              id={fieldIds.password}
              label={t.password}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              error={fieldError(problem, "password")}
            />
            <div>
              <Button type="submit" loading={logIn.isPending}>
                {t.logIn}
              </Button>
            </div>
          </VStack>
        </form>
      </Box>
    </main>
    </>
  );
}
