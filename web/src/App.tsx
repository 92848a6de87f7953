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
//   /brev               first-contact letters: print, mark as sent, the template (a caseworker, a unit manager)
//   /nyckeltal          the KPIs of a half-year over the user's caseload, a statistician's suppressed (?halvar=2026H2&per=enhet)
//   /namndrapport       the committee report of a month, its targets and analyses (?manad=2026-10; a unit
//                       manager or an administrator)
//   /scb-fil            the half-year file for SCB with its checks (an administrator; ?halvar=2026H1&rattelser=ja)
//   /administration     an administrator's users, units, settings and code lists (?flik=…)
//   anything else       not found
import { Alert, Loader } from "@navikt/ds-react";
import { lazy } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { takeLoggingOut, useSession, type Session } from "./api/queries";
import { Layout } from "./components/Layout";
import { ProblemAlert } from "./components/Problems";
import { useT } from "./i18n";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PersonPage } from "./pages/PersonPage";
import { TodayPage } from "./pages/TodayPage";
import { canMakeCommitteeReport, canReadCases, canReadStatistics, canRunIdentification, isAdmin } from "./roles";

// The pages a day starts on (login, Today, a person) are in the first bundle; the rest are loaded when first
// opened (Layout's Suspense shows a loader meanwhile), so that the first page has less script to run
// (bench/ui.mjs).
const HistoryPage = lazy(() => import("./components/history/HistoryPage").then((m) => ({ default: m.HistoryPage })));
const PlanEditorPage = lazy(() => import("./components/plan/PlanEditorPage").then((m) => ({ default: m.PlanEditorPage })));
const AccessLogPage = lazy(() => import("./pages/AccessLogPage").then((m) => ({ default: m.AccessLogPage })));
const AccessReviewPage = lazy(() => import("./pages/AccessReviewPage").then((m) => ({ default: m.AccessReviewPage })));
const IdentificationPage = lazy(() => import("./pages/IdentificationPage").then((m) => ({ default: m.IdentificationPage })));
const AdminPage = lazy(() => import("./pages/admin/AdminPage").then((m) => ({ default: m.AdminPage })));
const SearchPage = lazy(() => import("./pages/SearchPage").then((m) => ({ default: m.SearchPage })));
const StatisticsPage = lazy(() => import("./pages/StatisticsPage").then((m) => ({ default: m.StatisticsPage })));
const HalfYearFilePage = lazy(() => import("./pages/HalfYearFilePage").then((m) => ({ default: m.HalfYearFilePage })));
const KpiPage = lazy(() => import("./pages/KpiPage").then((m) => ({ default: m.KpiPage })));
const LettersPage = lazy(() => import("./pages/LettersPage").then((m) => ({ default: m.LettersPage })));
const CommitteePage = lazy(() => import("./pages/CommitteePage").then((m) => ({ default: m.CommitteePage })));
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
        <Route path="brev" element={session.data && canReadCases(session.data) ? <LettersPage /> : <NotFoundPage />} />
        <Route path="nyckeltal" element={session.data && (canReadCases(session.data) || canReadStatistics(session.data)) ? <KpiPage /> : <NotFoundPage />} />
        <Route path="namndrapport" element={session.data && canMakeCommitteeReport(session.data) ? <CommitteePage /> : <NotFoundPage />} />
        <Route path="scb-fil" element={session.data && canRunIdentification(session.data) ? <HalfYearFilePage /> : <NotFoundPage />} />
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

