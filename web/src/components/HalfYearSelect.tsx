// The choice of a half-year ("2026H2") among the current one and the four before, as the KPI page and
// the SCB file page both offer it; a half-year from the address that is not among them is offered too.
import { Select } from "@navikt/ds-react";
import { useT } from "../i18n";

/** The current half-year ("2026H2") and the four before it, newest first. */
export function recentHalfYears(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const found: string[] = [];
  for (let i = 0; i < 5; ++i) {
    found.push(`${year}H${half}`);
    if (half === 2) half = 1;
    else [year, half] = [year - 1, 2];
  }
  return found;
}

/** "2026 andra halvåret (jul–dec)" for "2026H2"; anything else as it is. */
export function halfYearLabel(period: string, half: (year: number, half: 1 | 2) => string): string {
  const m = period.match(/^(\d{4})H([12])$/);
  return m ? half(Number(m[1]), Number(m[2]) as 1 | 2) : period;
}

export function HalfYearSelect({
  label,
  value,
  halfYears,
  onChange,
}: {
  label: string;
  value: string;
  halfYears: string[];
  onChange: (period: string) => void;
}) {
  const half = useT().kpi.half;
  const periods = halfYears.includes(value) ? halfYears : [value, ...halfYears];
  return (
    <Select label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {periods.map((p) => (
        <option key={p} value={p}>
          {halfYearLabel(p, half)}
        </option>
      ))}
    </Select>
  );
}
