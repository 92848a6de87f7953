import { Box, Heading } from "@navikt/ds-react";
import type { ReactNode } from "react";

/** A section of a page, framed, named by its heading (`id` is the heading's, for aria-labelledby). */
export function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box as="section" className="card" aria-labelledby={id} padding="4" borderWidth="1" borderRadius="medium" borderColor="border-subtle">
      <Heading level="2" size="small" id={id} spacing>
        {title}
      </Heading>
      {children}
    </Box>
  );
}
