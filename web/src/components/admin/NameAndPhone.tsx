// The name and work phone an account is known by (first-contact letters are signed with them): shared by
// adding and changing one. Both may be left empty.
import { TextField } from "@navikt/ds-react";
import { useT } from "../../i18n";
import { fieldError } from "../Problems";

export function NameAndPhone({
  idPrefix,
  fullName,
  phone,
  onFullName,
  onPhone,
  problem,
}: {
  idPrefix: string;
  fullName: string;
  phone: string;
  onFullName: (value: string) => void;
  onPhone: (value: string) => void;
  problem: unknown;
}) {
  const a = useT().admin;
  return (
    <>
      <TextField
        id={`${idPrefix}-full-name`}
        label={a.fullName}
        description={a.fullNameHint}
        autoComplete="off"
        value={fullName}
        maxLength={100}
        onChange={(e) => onFullName(e.target.value)}
        error={fieldError(problem, "full_name")}
      />
      <TextField
        id={`${idPrefix}-phone`}
        label={a.workPhone}
        description={a.workPhoneHint}
        type="tel"
        autoComplete="off"
        value={phone}
        maxLength={40}
        onChange={(e) => onPhone(e.target.value)}
        error={fieldError(problem, "phone")}
      />
    </>
  );
}

/** The ids of the fields for FormProblems. */
export function nameAndPhoneIds(idPrefix: string) {
  return { full_name: `${idPrefix}-full-name`, phone: `${idPrefix}-phone` };
}
