// The roles (in Swedish) and the units of an account, as checkboxes: shared by adding and changing one.
import { Checkbox, CheckboxGroup } from "@navikt/ds-react";
import { useUnits } from "../../api/queries";
import { useT } from "../../i18n";
import { fieldError } from "../Problems";

export const allRoles = ["admin", "unit_manager", "caseworker", "statistician", "auditor", "school_reporter"] as const;
export type RoleName = (typeof allRoles)[number];

export function RolesAndUnits({
  idPrefix,
  roles,
  units,
  onRoles,
  onUnits,
  problem,
}: {
  idPrefix: string;
  roles: RoleName[];
  units: string[];
  onRoles: (roles: RoleName[]) => void;
  onUnits: (units: string[]) => void;
  problem: unknown;
}) {
  const t = useT();
  const known = useUnits();
  return (
    <>
      <CheckboxGroup id={`${idPrefix}-roles`} legend={t.admin.roles} value={roles} onChange={onRoles} error={fieldError(problem, "roles")}>
        {allRoles.map((r) => (
          <Checkbox key={r} value={r}>
            {t.roles[r]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <CheckboxGroup
        id={`${idPrefix}-units`}
        legend={t.admin.units}
        description={t.admin.unitsHint}
        value={units}
        onChange={onUnits}
        error={fieldError(problem, "units")}
      >
        {/* A unit the account has that the list lacks still shows, so that it can be removed. */}
        {[...new Set([...(known.data ?? []), ...units])].map((u) => (
          <Checkbox key={u} value={u}>
            {u}
          </Checkbox>
        ))}
      </CheckboxGroup>
    </>
  );
}

/** The ids of the fields for FormProblems. */
export function rolesAndUnitsIds(idPrefix: string) {
  return { roles: `${idPrefix}-roles`, units: `${idPrefix}-units` };
}
