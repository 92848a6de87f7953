// The long tables (Today's list, a person's contact attempts) are written as bare <table>/<tr>/<th>/<td>,
// <button> and <span> elements carrying the classes Aksel's Table, Button and Tag render, so they look the
// same. Measured (bench/ui.mjs, Chromium traces, 1,000 rows): the Aksel components' own render and commit
// cost about twice the rows' DOM itself (about 165 ms of 250 ms; the same DOM as bare elements about
// 80 ms). Everywhere else, and outside the rows, the library's components are used.
import type { MouseEvent, ReactNode } from "react";

export const tableClass = "navds-table navds-table--small";
export const headClass = "navds-table__header";
export const bodyClass = "navds-table__body";
export const rowClass = "navds-table__row navds-table__row--shade-on-hover";
export const headerCell = "navds-table__header-cell navds-label";
export const dataCell = "navds-table__data-cell navds-body-short navds-body-short--medium";

/** Aksel's Button (the DOM it renders), without a ref, an icon or a loading state. */
export function RowButton({
  variant,
  size,
  label,
  onClick,
  children,
}: {
  variant: "secondary" | "tertiary";
  size: "small" | "xsmall";
  /** The accessible name, when the text alone does not say which row it is about. */
  label?: string;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      data-variant={variant}
      aria-label={label}
      className={`navds-button navds-button--${variant} navds-button--${size}`}
      onClick={onClick}
    >
      <span className="navds-label navds-label--small">{children}</span>
    </button>
  );
}

/** Aksel's small outline Tag (the DOM it renders), with Aksel's warning triangle before the text when
 * `warningIcon`: drawn by the stylesheet (.row-tag--warning-icon), not an <svg> in each row. */
export function RowTag({ variant, warningIcon, children }: { variant: "error" | "warning"; warningIcon?: boolean; children: ReactNode }) {
  return (
    <span
      data-color={variant === "error" ? "danger" : "warning"}
      data-variant="outline"
      className={`navds-body-short navds-body-short--small navds-tag navds-tag--small navds-tag--${variant}${warningIcon ? " row-tag--warning-icon" : ""}`}
    >
      {children}
    </span>
  );
}
