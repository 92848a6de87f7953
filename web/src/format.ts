// Dates as YYYY-MM-DD and times in Swedish time (Europe/Stockholm), whatever the browser's zone.
const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });
const time = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  hour: "2-digit",
  minute: "2-digit",
});

/** A UTC instant from the API as "2026-11-22 14:05", Swedish time. */
export function localDateTime(utc: string): string {
  const d = new Date(utc);
  return `${day.format(d)} ${time.format(d)}`;
}

/** Today (or `days` ago) in Swedish time, YYYY-MM-DD. */
export function swedishDay(daysAgo = 0): string {
  return day.format(new Date(Date.now() - daysAgo * 86_400_000));
}

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. */
export function age(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Days from one YYYY-MM-DD day to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The time now in Swedish time, HH:MM. */
export function swedishTime(): string {
  return time.format(new Date());
}
