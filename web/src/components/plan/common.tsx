// What the plan's parts share: a long list shortened, and how a measure is named.
import { Button } from "@navikt/ds-react";
import { useState, type ReactNode } from "react";
import type { MeasureRecord } from "../../api/queries";
import { useT } from "../../i18n";
import "./plan.css";

/**
 * A long list shortened to its first `few` rows (newest first), with a button to show them all (and
 * fewer again): a case followed for two years holds dozens of follow-ups.
 */
export function useFirstFew<T>(items: T[], few = 5): { shown: T[]; toggle: ReactNode } {
  const t = useT();
  const [all, setAll] = useState(false);
  if (items.length <= few) return { shown: items, toggle: null };
  return {
    shown: all ? items : items.slice(0, few),
    toggle: (
      <Button type="button" size="xsmall" variant="tertiary" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? t.plan.showFewer : t.plan.showAll(items.length)}
      </Button>
    ),
  };
}


/** A measure as the user knows it: its content and kind ("Praktik fyra veckor (Praktik)"). */
export function measureName(m: MeasureRecord): string {
  return `${m.data.content} (${m.labels.type ?? m.data.type})`;
}

