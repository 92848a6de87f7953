// A page's h1 and the document's title. After a navigation within the UI the heading takes the focus,
// so that a screen reader announces the new page (not on the first load: the browser starts at the top).
import { Heading } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { useT } from "../i18n";

let firstPage = true;

export function PageHeading({ children }: { children: string }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t.appName}`;
  }, [children, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <Heading level="1" size="large" spacing tabIndex={-1} ref={ref} className="page-heading">
      {children}
    </Heading>
  );
}
