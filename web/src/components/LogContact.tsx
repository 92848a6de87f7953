// Logging a contact attempt, from a Today row or the person's page, in an Aksel Modal (a native modal
// <dialog>: it keeps the focus inside, Esc closes it). Prefilled with today and the time now (Swedish
// time) and the telephone, so that a failed call is three clicks: "Logga kontakt", "Nej", "Spara".
// A letter has no time and never reaches anyone, so those fields go; the occupation, its detail and
// "declined" appear only when the young person was reached. The form's own checks and the server's 422
// are shown alike (Problems.tsx). The page holds one dialog (useLogContact): it outlives the row that
// opened it, which may leave the worklist once the contact is logged; the focus then returns to the
// button, or to the success message when the button has gone.
import {
  Alert,
  Button,
  Checkbox,
  CheckboxGroup,
  Radio,
  RadioGroup,
  Select,
  TextField,
  Textarea,
  VStack,
} from "@navikt/ds-react";
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiProblem, type FieldError } from "../api/client";
import { useCodeList, useLogContact, validOn, type NewContactAttempt } from "../api/queries";
import { swedishDay, swedishTime } from "../format";
import { useT } from "../i18n";
import { FormDialog, useFormDialog } from "./FormDialog";
import { FormProblems, ProblemAlert, fieldError } from "./Problems";

export type ContactPerson = { id: number; name: string };

const ids = {
  date: "contact-date",
  time: "contact-time",
  channel: "contact-channel",
  reached: "contact-reached",
  occupation: "contact-occupation",
  occupation_detail: "contact-occupation-detail",
  declined: "contact-declined",
  note: "contact-note",
};

/** The button that opens the dialog; on a Today row it names the person for screen readers. */
export function LogContactButton({
  name,
  onOpen,
  size = "small",
}: {
  name: string;
  onOpen: (trigger: HTMLButtonElement) => void;
  size?: "small" | "medium";
}) {
  const t = useT();
  return (
    <Button type="button" variant="secondary" size={size} onClick={(e) => onOpen(e.currentTarget)}>
      {t.logContact}
      <span className="navds-sr-only"> {t.logContactWith(name)}</span>
    </Button>
  );
}

/** The page's one dialog and its success message; `open` is what each button calls. */
export function useContactDialog(): { open: (person: ContactPerson, trigger: HTMLElement) => void; ui: ReactNode } {
  const t = useT();
  const [person, setPerson] = useState<ContactPerson | null>(null);
  const [logged, setLogged] = useState<string | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(0);

  useEffect(() => {
    if (refocus === 0) return;
    if (trigger.current?.isConnected) trigger.current.focus();
    else message.current?.focus();
  }, [refocus]);

  const open = useCallback((next: ContactPerson, from: HTMLElement) => {
    trigger.current = from;
    setLogged(null);
    setPerson(next);
  }, []);
  const close = (done: boolean) => {
    if (done && person) setLogged(t.contactLogged(person.name));
    setPerson(null);
    setRefocus((n) => n + 1);
  };

  return {
    open,
    ui: (
      <>
        <div aria-live="polite">
          {logged && (
            <Alert variant="success" size="small" ref={message} tabIndex={-1} className="logged-message">
              {logged}
            </Alert>
          )}
        </div>
        {person && <LogContactDialog person={person} onClose={close} />}
      </>
    ),
  };
}

export function LogContactDialog({ person, onClose }: { person: ContactPerson; onClose: (logged: boolean) => void }) {
  const t = useT();
  const dialog = useFormDialog<boolean>(onClose, false);
  const logContact = useLogContact(person.id);
  const submit = (body: NewContactAttempt) =>
    logContact.mutate(body, { onSuccess: () => dialog.done(true), onError: dialog.failed() });

  return (
    <FormDialog
      dialog={dialog}
      id="log-contact"
      heading={t.logContactHeading(person.name)}
      submitLabel={t.save}
      pending={logContact.isPending}
    >
      <ContactForm id="log-contact" initial={null} problem={dialog.problem} setProblem={dialog.setProblem} onSubmit={submit} />
    </FormDialog>
  );
}

/**
 * The fields of a contact attempt, for logging a new one (`initial` null: today, now, Telefon) or
 * correcting one (its data). Checks what the form can and hands the body to `onSubmit`; the problem
 * (the form's own or the server's) is the caller's, shown beside the fields. `children` go first.
 */
export function ContactForm({
  id,
  initial,
  problem,
  setProblem,
  onSubmit,
  children,
}: {
  id: string;
  initial: NewContactAttempt | null;
  problem: unknown;
  setProblem: (problem: unknown) => void;
  onSubmit: (body: NewContactAttempt) => void;
  children?: ReactNode;
}) {
  const t = useT();
  const channels = useCodeList("contact_channel");
  const occupations = useCodeList("occupation");

  const [date, setDate] = useState(() => initial?.date ?? swedishDay());
  const [time, setTime] = useState(() => (initial ? (initial.time ?? "") : swedishTime()));
  const [channel, setChannel] = useState(initial?.channel ?? "phone");
  const [reached, setReached] = useState<"" | "yes" | "no">(initial ? (initial.reached ? "yes" : "no") : "");
  const [occupation, setOccupation] = useState(initial?.occupation ?? "");
  const [detail, setDetail] = useState(initial?.occupation_detail ?? "");
  const [declined, setDeclined] = useState(initial?.declined ?? false);
  const [note, setNote] = useState(initial?.note ?? "");
  const letter = channel === "letter";
  const wasReached = !letter && reached === "yes";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : swedishDay();
  const channelCodes = validOn(channels.data ?? [], day);
  const occupationCodes = validOn(occupations.data ?? [], day);
  const fieldIds: Record<string, string> = {
    date: ids.date,
    channel: ids.channel,
    note: ids.note,
    ...(letter ? {} : { time: ids.time, reached: ids.reached }),
    ...(wasReached ? { occupation: ids.occupation, declined: ids.declined } : {}),
    ...(wasReached && occupation ? { occupation_detail: ids.occupation_detail } : {}),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldError[] = [
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? [] : [{ field: "date", detail: t.dateRequired }]),
      ...(letter || /^\d{2}:\d{2}$/.test(time) ? [] : [{ field: "time", detail: t.timeRequired }]),
      ...(channel ? [] : [{ field: "channel", detail: t.channelRequired }]),
      ...(letter || reached ? [] : [{ field: "reached", detail: t.reachedRequired }]),
    ];
    if (errors.length > 0) {
      setProblem(new ApiProblem(0, { errors }));
      return;
    }
    setProblem(null);
    const body: NewContactAttempt = {
      date,
      time: letter ? null : time,
      channel,
      reached: wasReached,
      occupation: wasReached && occupation ? occupation : null,
      occupation_detail: wasReached && occupation && detail.trim() ? detail.trim() : null,
      declined: wasReached && declined,
      note: note.trim() || null,
    };
    onSubmit(body);
  };

  return (
    <>
      {(channels.isError || occupations.isError) && <ProblemAlert error={channels.error ?? occupations.error} />}
      <form id={id} onSubmit={submit} noValidate>
        <VStack gap="5">
          {children}
          <FormProblems problem={problem} fieldIds={fieldIds} />
          <div className="contact-when">
            <TextField
              id={ids.date}
              label={t.contactDate}
              description={t.contactDateHint}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              inputMode="numeric"
              autoComplete="off"
              htmlSize={12}
              error={fieldError(problem, "date")}
            />
            {!letter && (
              <TextField
                id={ids.time}
                label={t.contactTime}
                description={t.contactTimeHint}
                inputMode="numeric"
                autoComplete="off"
                value={time}
                onChange={(e) => setTime(e.target.value)}
                htmlSize={8}
                error={fieldError(problem, "time")}
              />
            )}
          </div>
          <Select
            id={ids.channel}
            label={t.contactChannel}
            description={letter ? t.contactLetterHint : undefined}
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
            error={fieldError(problem, "channel")}
          >
            {channelCodes.length === 0 && <option value={channel}>{channel}</option>}
            {channelCodes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </Select>
          {!letter && (
            <RadioGroup
              id={ids.reached}
              legend={t.contactReached}
              value={reached}
              onChange={(v: "yes" | "no") => setReached(v)}
              error={fieldError(problem, "reached")}
            >
              <Radio value="yes">{t.yes}</Radio>
              <Radio value="no">{t.no}</Radio>
            </RadioGroup>
          )}
          {wasReached && (
            <>
              <Select
                id={ids.occupation}
                label={t.contactOccupation}
                description={t.contactOccupationHint}
                value={occupation}
                onChange={(e) => setOccupation(e.target.value)}
                error={fieldError(problem, "occupation")}
              >
                <option value="">{t.contactOccupationNone}</option>
                {occupationCodes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </Select>
              {occupation && (
                <TextField
                  id={ids.occupation_detail}
                  label={t.contactOccupationDetail}
                  description={t.contactOccupationDetailHint}
                  value={detail}
                  onChange={(e) => setDetail(e.target.value)}
                  maxLength={500}
                  error={fieldError(problem, "occupation_detail")}
                />
              )}
              <CheckboxGroup
                id={ids.declined}
                legend={t.contactDeclined}
                hideLegend
                value={declined ? ["declined"] : []}
                onChange={(v: string[]) => setDeclined(v.includes("declined"))}
                error={fieldError(problem, "declined")}
              >
                <Checkbox value="declined">{t.contactDeclined}</Checkbox>
              </CheckboxGroup>
            </>
          )}
          <Textarea
            id={ids.note}
            label={t.contactNote}
            description={t.contactNoteHint}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            minRows={2}
            error={fieldError(problem, "note")}
          />
        </VStack>
      </form>
    </>
  );
}
