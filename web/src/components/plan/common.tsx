// What the plan's parts share: a section of the person's page, a long list shortened, and how a measure
// is named.
import { Box, Button, Heading } from "@navikt/ds-react";
import { useState, type ReactNode } from "react";
import type { MeasureRecord } from "../../api/queries";
import { useT } from "../../i18n";
import "./plan.css";

/** A section of the person's page, named by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box as="section" aria-labelledby={id} padding="4" borderWidth="1" borderRadius="medium" borderColor="border-subtle">
      <Heading level="2" size="small" id={id} spacing>
        {title}
      </Heading>
      {children}
    </Box>
  );
}

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

