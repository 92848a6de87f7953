// Registering a young person by hand, from the search page when nobody is found (docs/casework.md,
// "Registering by hand"): the personnummer, the start date, the reason (registration_reason) and how it
// came about (registration_by_hand). The name and address are asked for only when Lotsen does not know
// the person — a known person's identity comes from the population register: the form shows them after a
// search for a whole personnummer found nobody, or when the server says the person is not in Lotsen
// (a 422 on `person`). Field errors appear beside the fields and in the summary; on success the person.
import { Heading, Select, TextField, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiProblem, type FieldError } from "../api/client";
import { isOutsideCaseload, useCodeList, useRegisterByHand, validOn, type NewRegistration } from "../api/queries";
import { swedishDay } from "../format";
import { useT } from "../i18n";
import { FormDialog, useFormDialog } from "./FormDialog";
import { fieldError } from "./Problems";

const ids = {
  personal_id: "register-personal-id",
  start_date: "register-start",
  reason: "register-reason",
  by_hand: "register-how",
  first_name: "register-first-name",
  last_name: "register-last-name",
  street_address: "register-street",
  postal_code: "register-postal-code",
  city: "register-city",
  municipality_code: "register-municipality",
};
const personFields = ["first_name", "last_name", "street_address", "postal_code", "city", "municipality_code"] as const;
type PersonField = (typeof personFields)[number];

export function RegisterByHandDialog({
  personalId,
  unknown,
  onClose,
}: {
  personalId: string;
  unknown: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const dialog = useFormDialog<undefined>(onClose, undefined);
  const reasons = useCodeList("registration_reason");
  const ways = useCodeList("registration_by_hand");
  const register = useRegisterByHand();
  const [pid, setPid] = useState(personalId);
  const [start, setStart] = useState(() => swedishDay());
  const [reason, setReason] = useState("");
  const [how, setHow] = useState("");
  const [askPerson, setAskPerson] = useState(unknown);
  const [person, setPerson] = useState<Record<PersonField, string>>({
    first_name: "",
    last_name: "",
    street_address: "",
    postal_code: "",
    city: "",
    municipality_code: "",
  });
  const today = swedishDay();

  const fieldIds: Record<string, string> = {
    personal_id: ids.personal_id,
    start_date: ids.start_date,
    reason: ids.reason,
    by_hand: ids.by_hand,
    person: ids.first_name,
    ...Object.fromEntries(personFields.map((f) => [`person.${f}`, ids[f]])),
  };
  const labels: Record<PersonField, string> = {
    first_name: t.firstName,
    last_name: t.lastName,
    street_address: t.streetAddress,
    postal_code: t.postalCode,
    city: t.city,
    municipality_code: t.municipalityCode,
  };

  const submit = () => {
    const errors: FieldError[] = [
      ...(pid.trim() ? [] : [{ field: "personal_id", detail: t.personalIdRequired }]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(start) ? [] : [{ field: "start_date", detail: t.dateRequired }]),
      ...(reason ? [] : [{ field: "reason", detail: t.reasonRequired }]),
      ...(how ? [] : [{ field: "by_hand", detail: t.howRequired }]),
    ];
    if (!dialog.check(errors)) return;
    const body: NewRegistration = {
      personal_id: pid.trim(),
      start_date: start,
      reason,
      by_hand: how as NewRegistration["by_hand"],
      ...(askPerson
        ? { person: Object.fromEntries(personFields.map((f) => [f, person[f].trim()])) as Record<PersonField, string> }
        : {}),
    };
    register.mutate(body, {
      onSuccess: (registration) => {
        onClose();
        navigate(`/personer/${registration.person_id}`);
      },
      onError: (error) => {
        // The server says the person is not in Lotsen: ask for the name and address.
        if (error instanceof ApiProblem && !askPerson && error.errors.some((e) => e.field === "person")) setAskPerson(true);
        // A known person whose case is another's: the way on is to open it with a reason (break the glass).
        dialog.setProblem(isOutsideCaseload(error) ? new ApiProblem(403, { detail: t.registerOutsideCaseload }) : error);
      },
    });
  };

  return (
    <FormDialog
      dialog={dialog}
      id="register-by-hand"
      heading={t.registerHeading}
      submitLabel={t.registerSubmit}
      pending={register.isPending}
      loadError={reasons.error ?? ways.error}
      intro={<p className="register-intro">{t.registerIntro}</p>}
      fieldIds={fieldIds}
      onSubmit={submit}
    >
      <TextField
        id={ids.personal_id}
        label={t.registerPersonalId}
        description={t.registerPersonalIdHint}
        value={pid}
        onChange={(e) => setPid(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        htmlSize={16}
        error={fieldError(dialog.problem, "personal_id")}
      />
      <TextField
        id={ids.start_date}
        label={t.registerStart}
        description={t.registerStartHint}
        value={start}
        onChange={(e) => setStart(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        htmlSize={12}
        error={fieldError(dialog.problem, "start_date")}
      />
      <Select
        id={ids.reason}
        label={t.registerReason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(dialog.problem, "reason")}
      >
        <option value="">{t.registerChoose}</option>
        {validOn(reasons.data ?? [], today).map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </Select>
      <Select
        id={ids.by_hand}
        label={t.registerHow}
        value={how}
        onChange={(e) => setHow(e.target.value)}
        error={fieldError(dialog.problem, "by_hand")}
      >
        <option value="">{t.registerChoose}</option>
        {validOn(ways.data ?? [], today).map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </Select>
      {askPerson && (
        <fieldset className="register-person">
          <legend>
            <Heading level="3" size="xsmall" as="span">
              {t.registerPersonHeading}
            </Heading>
          </legend>
          <VStack gap="4">
            <p className="register-intro">{t.registerPersonText}</p>
            {personFields.map((f) => (
              <TextField
                key={f}
                id={ids[f]}
                label={labels[f]}
                description={f === "municipality_code" ? t.municipalityCodeHint : undefined}
                value={person[f]}
                onChange={(e) => setPerson({ ...person, [f]: e.target.value })}
                maxLength={100}
                autoComplete="off"
                inputMode={f === "postal_code" || f === "municipality_code" ? "numeric" : undefined}
                htmlSize={f === "postal_code" || f === "municipality_code" ? 8 : undefined}
                error={
                  [fieldError(dialog.problem, `person.${f}`), f === "first_name" ? fieldError(dialog.problem, "person") : undefined]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
              />
            ))}
          </VStack>
        </fieldset>
      )}
    </FormDialog>
  );
}
