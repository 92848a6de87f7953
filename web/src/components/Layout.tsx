// The frame of every signed-in page: the header (Lotsen, the menu for the user's roles, the user's
// name and role, the language switch, Logout) and the page itself.
import { InternalHeader, Loader, Spacer } from "@navikt/ds-react";
import { Suspense } from "react";
import { Link as RouterLink, NavLink, Outlet, useNavigate } from "react-router-dom";
import { useLogOut, type Session } from "../api/queries";
import { useI18n } from "../i18n";
import { canMakeCommitteeReport, canReadCases, canReadStatistics, canRunIdentification, isAdmin } from "../roles";
import { SessionGuard } from "./session/SessionGuard";

export function Layout({ session }: { session: Session }) {
  const { t, language, setLanguage } = useI18n();
  const logOut = useLogOut();
  const navigate = useNavigate();
  const roles = session.roles.map((r) => t.roles[r] ?? r).join(", ");
  return (
    <>
      {/* To <main> (focusable, tabIndex -1): a fragment link alone would leave the focus on <body>. */}
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <InternalHeader>
        <InternalHeader.Title as={RouterLink} to="/">
          {t.appName}
        </InternalHeader.Title>
        <nav aria-label={t.mainNavigation} className="main-nav">
          {canReadCases(session) && (
            <NavLink to="/" end>
              {t.navToday}
            </NavLink>
          )}
          {canReadCases(session) && <NavLink to="/sok">{t.navSearch}</NavLink>}
          {canReadCases(session) && <NavLink to="/brev">{t.letters.nav}</NavLink>}
          {session.roles.includes("auditor") && <NavLink to="/granskning">{t.navReview}</NavLink>}
          {canReadStatistics(session) && <NavLink to="/statistik">{t.statistics.nav}</NavLink>}
          {(canReadCases(session) || canReadStatistics(session)) && <NavLink to="/nyckeltal">{t.kpi.nav}</NavLink>}
          {canMakeCommitteeReport(session) && <NavLink to="/namndrapport">{t.committee.nav}</NavLink>}
          {canRunIdentification(session) && <NavLink to="/identifiering">{t.identification.nav}</NavLink>}
          {canRunIdentification(session) && <NavLink to="/scb-fil">{t.halfYearFile.nav}</NavLink>}
          {isAdmin(session) && <NavLink to="/administration">{t.navAdmin}</NavLink>}
        </nav>
        <Spacer />
        <InternalHeader.Button
          type="button"
          lang={t.switchLanguageLang}
          onClick={() => setLanguage(language === "sv" ? "en" : "sv")}
        >
          {t.switchLanguage}
        </InternalHeader.Button>
        <InternalHeader.User name={session.username} description={roles} />
        <InternalHeader.Button
          type="button"
          onClick={() => logOut.mutate(undefined, { onSettled: () => navigate("/logga-in", { replace: true }) })}
          disabled={logOut.isPending}
        >
          {t.logOut}
        </InternalHeader.Button>
      </InternalHeader>
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<Loader className="page-loader" title={t.loading} />}>
          <Outlet />
        </Suspense>
      </main>
      <SessionGuard />
    </>
  );
}

/** The header before login: Lotsen and the language switch. */
export function PublicHeader() {
  const { t, language, setLanguage } = useI18n();
  return (
    <InternalHeader>
      <InternalHeader.Title as="span">{t.appName}</InternalHeader.Title>
      <Spacer />
      <InternalHeader.Button
        type="button"
        lang={t.switchLanguageLang}
        onClick={() => setLanguage(language === "sv" ? "en" : "sv")}
      >
        {t.switchLanguage}
      </InternalHeader.Button>
    </InternalHeader>
  );
}
