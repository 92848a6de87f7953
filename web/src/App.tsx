// The routes. Every screen has its own URL, so it can be bookmarked and reloaded, and Back works:
//   /logga-in           login (then back to the page the user came from)
//   /                   Idag (Today): the worklists of a caseworker or unit manager
//   /sok?q=…            search by name or personnummer (logged); register by hand when nobody is found
//   /personer/:id       one person (or, outside the caseload, breaking the glass); ?per=YYYY-MM-DD: the
//                       case as it stood that day (read only)
//   /personer/:id/historik  every event of the person's case
//   /personer/:id/plan  drawing up or revising the person's individual plan
//   /granskning         the auditor's review of the access log
//   /granskning/logg    the access log's entries, by user and person (linked from the review)
//   /identifiering      identification from register extracts (an administrator)
//   /statistik          the statistics (a statistician, a unit manager)
//   /administration     an administrator's users, units, settings and code lists (?flik=…)
//   anything else       not found
import { Alert, Loader } from "@navikt/ds-react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { takeLoggingOut, useSession, type Session } from "./api/queries";
import { HistoryPage } from "./components/history/HistoryPage";
import { Layout } from "./components/Layout";
import { PlanEditorPage } from "./components/plan/PlanEditorPage";
import { ProblemAlert } from "./components/Problems";
import { useT } from "./i18n";
import { AccessLogPage } from "./pages/AccessLogPage";
import { AccessReviewPage } from "./pages/AccessReviewPage";
import { IdentificationPage } from "./pages/IdentificationPage";
import { AdminPage } from "./pages/admin/AdminPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PersonPage } from "./pages/PersonPage";
import { SearchPage } from "./pages/SearchPage";
import { StatisticsPage } from "./pages/StatisticsPage";
import { TodayPage } from "./pages/TodayPage";
import { canReadCases, canReadStatistics, canRunIdentification, isAdmin } from "./roles";

export function App() {
  const t = useT();
  const session = useSession();
  if (session.isPending) return <Loader className="page-loader" title={t.loading} />;
  if (session.isError)
    return (
      <main className="page">
        <ProblemAlert error={session.error} />
      </main>
    );
  return (
    <Routes>
      <Route path="/logga-in" element={<LoginPage session={session.data} />} />
      <Route element={<SignedIn session={session.data} />}>
        <Route index element={<Home session={session.data!} />} />
        <Route path="sok" element={session.data && canReadCases(session.data) ? <SearchPage /> : <NotFoundPage />} />
        <Route path="personer/:id" element={<PersonPage />} />
        <Route path="personer/:id/plan" element={<PlanEditorPage />} />
        <Route path="personer/:id/historik" element={<HistoryPage />} />
        <Route path="granskning" element={<AccessReviewPage />} />
        <Route path="granskning/logg" element={<AccessLogPage />} />
        <Route path="identifiering" element={session.data && canRunIdentification(session.data) ? <IdentificationPage /> : <NotFoundPage />} />
        <Route path="statistik" element={session.data && canReadStatistics(session.data) ? <StatisticsPage /> : <NotFoundPage />} />
        <Route path="administration" element={<AdminPage session={session.data!} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The signed-in pages, or the login for whoever is not signed in (coming back here afterwards). */
function SignedIn({ session }: { session: Session | null }) {
  const location = useLocation();
  if (!session) return <Navigate to="/logga-in" replace state={takeLoggingOut() ? null : { from: location }} />;
  return <Layout session={session} />;
}

function Home({ session }: { session: Session }) {
  const t = useT();
  if (canReadCases(session)) return <TodayPage session={session} />;
  if (session.roles.includes("auditor")) return <Navigate to="/granskning" replace />;
  if (canReadStatistics(session)) return <Navigate to="/statistik" replace />;
  if (isAdmin(session)) return <Navigate to="/administration" replace />;
  return <Alert variant="info">{t.noReadCases}</Alert>;
}

