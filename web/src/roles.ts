import type { Session } from "./api/queries";

/** Caseworkers and unit managers read cases and have worklists (docs/security.md). */
export function canReadCases(session: Session): boolean {
  return session.roles.includes("caseworker") || session.roles.includes("unit_manager");
}

export function isUnitManager(session: Session): boolean {
  return session.roles.includes("unit_manager");
}

/** Administrators run identification from register extracts (run_identification). */
export function canRunIdentification(session: Session): boolean {
  return session.roles.includes("admin");
}

/** Statisticians and unit managers read the statistics (read_statistics). */
export function canReadStatistics(session: Session): boolean {
  return session.roles.includes("statistician") || session.roles.includes("unit_manager");
}
/** Unit managers and administrators make the committee report and set its targets (committee_report). */
export function canMakeCommitteeReport(session: Session): boolean {
  return session.roles.includes("unit_manager") || session.roles.includes("admin");
}
/** Administrators manage users, units and the settings (permission manage_users). */
export function isAdmin(session: Session): boolean {
  return session.roles.includes("admin");
}
