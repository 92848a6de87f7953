// The link back from a person's page (now or on a past day) to where the person was opened from: the
// search or the access-log review with what it showed (the link there put its own URL in the history
// entry's state as `back`), else Today.
import { Link } from "@navikt/ds-react";
import { Link as RouterLink, useLocation } from "react-router-dom";
import { useT } from "../i18n";

/** The way back the history entry holds (`{ back }`, the search's or review's URL), to pass on in the state
 * of every link between the person's page and its own views (the plan editor, the full history, the past
 * view), so that the way back is kept; else {}. */
export function useBackState(): { back?: string } {
  const back = (useLocation().state as { back?: unknown } | null)?.back;
  // Only the search, the review and its log, each with a query: no other path (no "/sok/../x").
  return typeof back === "string" && /^\/(sok|granskning|granskning\/logg)(\?[^#]*)?$/.test(back) ? { back } : {};
}

export function PersonBackLink() {
  const t = useT();
  const to = useBackState().back ?? "/";
  const label = to.startsWith("/sok") ? t.backToSearch : to.startsWith("/granskning") ? t.backToReview : t.backToToday;
  return (
    <Link as={RouterLink} to={to}>
      {label}
    </Link>
  );
}
