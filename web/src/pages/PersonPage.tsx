// One young person: identity (a protected identity clearly marked), contact details (editable), current
// and planned occupation, registrations, the case over time (src/components/history), the plan (src/components/plan)
// and the contact attempts.
import { Alert, BodyShort, Button, HGrid, HStack, Label, Loader, Table, Tag, TextField, VStack } from "@navikt/ds-react";
import { EyeSlashIcon } from "@navikt/aksel-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import {
  isOutsideCaseload,
  isProblem,
  useGrant,
  usePerson,
  useSession,
  useSetContactDetails,
  type Person,
  type Registration,
} from "../api/queries";
import { Card } from "../components/Card";
import { PersonBackLink } from "../components/PersonBackLink";
import { CloseRegistrationDialog, CorrectReasonDialog, ReopenRegistrationDialog } from "../components/CloseRegistration";
import { canReadCases } from "../roles";
import { OutsideCaseload, grantText } from "../components/BreakGlass";
import { LogContactButton, useContactDialog } from "../components/LogContact";
import { PageHeading } from "../components/PageHeading";
import { RegisterByHandDialog } from "../components/RegisterByHand";
import { Conflict } from "../components/Conflict";
import { FormProblems, ProblemAlert, fieldError } from "../components/Problems";
import { useT } from "../i18n";
import { NotFoundPage } from "./NotFoundPage";
import { CasePlan } from "../components/plan/CasePlan";
import { CaseOverTime, PersonAsOfView } from "../components/history/AsOf";
import { ContactAttempts } from "../components/history/ContactAttempts";
import { OccupationTimeline } from "../components/history/OccupationTimeline";
import { RegistrationHistory } from "../components/history/RegistrationHistory";

export function PersonPage() {
  const { id } = useParams();
  const per = useSearchParams()[0].get("per");
  if (!id || !/^[1-9][0-9]{0,15}$/.test(id)) return <NotFoundPage />;
  if (per !== null) return <PersonAsOfView id={Number(id)} day={per} />;
  return <PersonView id={Number(id)} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>
        <Label as="span" size="small">
          {label}
        </Label>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function PersonView({ id }: { id: number }) {
  const t = useT();
  const person = usePerson(id);
  const contact = useContactDialog();
  const granted = useGrant(id).data ?? null;
  const grant = granted && Date.parse(granted.expires_at) > Date.now() ? granted : null;
  const grantMessage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (grant && person.isSuccess) grantMessage.current?.focus();
  }, [grant, person.isSuccess]);
  if (person.isPending)
    return (
      <>
        <PageHeading>{t.personTitle}</PageHeading>
        <Loader title={t.loading} />
      </>
    );
  // Refused or not found: said, with the way back to where the person was opened from.
  if (person.isError)
    return (
      <VStack gap="6">
        <div>
          <PersonBackLink />
        </div>
        <div>
          <PageHeading>{isOutsideCaseload(person.error) ? t.personOutsideTitle : t.personTitle}</PageHeading>
          {isOutsideCaseload(person.error) ? <OutsideCaseload personId={id} /> : <ProblemAlert error={person.error} />}
        </div>
      </VStack>
    );
  const p = person.data;
  return (
    <VStack gap="6">
      <div>
        <PersonBackLink />
      </div>
      <div>
        <PageHeading>{`${p.first_name} ${p.last_name}`}</PageHeading>
        {p.protected && (
          <Tag variant="warning" icon={<EyeSlashIcon aria-hidden />}>
            {t.protectedIdentity}
          </Tag>
        )}
      </div>
      {grant && (
        <Alert variant="info" size="small" ref={grantMessage} tabIndex={-1} className="logged-message">
          {grantText(grant, t)}
        </Alert>
      )}
      {p.protected && <Alert variant="warning">{t.protectedExplained}</Alert>}
      <CaseOverTime personId={id} />
      {p.registrations.some((r) => !r.end_date) && (
        <div>
          <LogContactButton
            size="medium"
            name={`${p.first_name} ${p.last_name}`}
            onOpen={(trigger) => contact.open({ id, name: `${p.first_name} ${p.last_name}` }, trigger)}
          />
        </div>
      )}
      {contact.ui}
      <HGrid gap="4" columns={{ xs: 1, md: 2 }}>
        <Identity person={p} />
        <Contact person={p} />
      </HGrid>
      <Occupation person={p} />
      <OccupationTimeline personId={id} />
      <Registrations person={p} />
      <RegistrationHistory personId={id} />
      <CasePlan person={p} />
      <ContactAttempts id={id} />
    </VStack>
  );
}

function Identity({ person: p }: { person: Person }) {
  const t = useT();
  return (
    <Card id="identity" title={t.identityHeading}>
      <dl className="fields">
        <Field label={p.coordination_number ? t.coordinationNumber : t.personalId}>{p.personal_id}</Field>
        <Field label={t.birthDate}>{p.birth_date}</Field>
        <Field label={t.municipality}>{p.municipality_code}</Field>
      </dl>
    </Card>
  );
}

function Contact({ person: p }: { person: Person }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) editButton.current?.focus();
  }, [refocus]);
  const hidden = <span className="subtle">{t.protectedHidden}</span>;
  const unknown = <span className="subtle">{t.notKnown}</span>;
  // A protected person's contact details come only to those who may see them; only they may change them.
  const mayEdit = (p.contact !== null || !p.protected) && p.etag !== null;
  return (
    <Card id="contact" title={t.contactHeading}>
      {editing ? (
        <ContactDetailsForm
          person={p}
          onDone={(done) => {
            setEditing(false);
            setSaved(done);
            setRefocus((n) => n + 1);
          }}
        />
      ) : (
        <VStack gap="4">
          <div aria-live="polite">{saved && <Alert variant="success" size="small">{t.contactSaved}</Alert>}</div>
          <dl className="fields">
            <Field label={t.phone}>{p.contact ? p.contact.phone || unknown : p.protected ? hidden : unknown}</Field>
            <Field label={t.email}>{p.contact ? p.contact.email || unknown : p.protected ? hidden : unknown}</Field>
            <Field label={t.address}>
              {p.address ? (
                <>
                  {p.address.street_address}
                  <br />
                  {p.address.postal_code.replace(/^(\d{3})(\d{2})$/, "$1 $2")} {p.address.city}
                </>
              ) : p.protected ? (
                hidden
              ) : (
                unknown
              )}
            </Field>
          </dl>
          {mayEdit && (
            <div>
              <Button
                ref={editButton}
                type="button"
                variant="secondary"
                size="small"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t.editContact}
              </Button>
            </div>
          )}
        </VStack>
      )}
    </Card>
  );
}

const contactIds = { phone: "contact-details-phone", email: "contact-details-email" };

type ContactDetails = { phone: string; email: string };
const detailsOf = (p?: Partial<Person>): ContactDetails => ({ phone: p?.contact?.phone ?? "", email: p?.contact?.email ?? "" });

/**
 * Phone and e-mail, sent with the ETag of the person as read. When someone else changed the person in
 * the meantime the server answers 409 with the person as it is now: what the user changed is shown beside
 * what is saved, and the person is read again (with the new ETag) either to go on from the saved details
 * or with the user's changes put on them (a field the user did not change takes the saved value).
 */
export function ContactDetailsForm({ person: p, onDone }: { person: Person; onDone: (saved: boolean) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const save = useSetContactDetails(p.id);
  // The details as read (or read again after a 409) and their ETag: what the user changed is what the
  // fields differ in, and the save names that version — not the one a refetch (the window regaining
  // focus) brings meanwhile, which would save the fields as read over someone else's change.
  const [loaded, setLoaded] = useState(() => detailsOf(p));
  const [etag, setEtag] = useState(p.etag!);
  const [phone, setPhone] = useState(loaded.phone);
  const [email, setEmail] = useState(loaded.email);
  const [problem, setProblem] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<ContactDetails | null>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  // The button that opened the form has gone: the first field takes the focus (not left on <body>).
  useEffect(() => phoneInput.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    save.mutate(
      { etag, details: { phone: phone.trim() || null, email: email.trim() || null } },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (isProblem(error, 409) && error.current && typeof error.current === "object")
            setTheirs(detailsOf(error.current as Partial<Person>));
          else setProblem(error);
        },
      },
    );
  };

  const changedPhone = phone.trim() !== loaded.phone;
  const changedEmail = email.trim() !== loaded.email;
  // Reads the person again (its new ETag with it) and goes on from the saved details, or with `keepMine`
  // from the user's changes put on them.
  const goOn = async (keepMine: boolean) => {
    await queryClient.invalidateQueries({ queryKey: ["persons", p.id], exact: true });
    const fresh = queryClient.getQueryData<Person>(["persons", p.id]);
    if (!fresh?.etag) return;
    const saved = detailsOf(fresh);
    setPhone(keepMine && changedPhone ? phone : saved.phone);
    setEmail(keepMine && changedEmail ? email : saved.email);
    setLoaded(saved);
    setEtag(fresh.etag);
    setTheirs(null);
    phoneInput.current?.focus();
  };

  const shown = (value: string) => value || <span className="subtle">{t.notKnown}</span>;
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="4">
        {theirs && (
          <Conflict
            text={t.conflictText}
            rows={[
              ...(changedPhone ? [{ label: t.phone, theirs: shown(theirs.phone), yours: shown(phone.trim()) }] : []),
              ...(changedEmail ? [{ label: t.email, theirs: shown(theirs.email), yours: shown(email.trim()) }] : []),
            ]}
            sameText={changedPhone || changedEmail ? undefined : t.conflictNothingChanged}
          >
            <HStack gap="2">
              <Button type="button" size="small" variant="secondary" onClick={() => goOn(false)}>
                {t.useTheirs}
              </Button>
              {(changedPhone || changedEmail) && (
                <Button type="button" size="small" variant="tertiary" onClick={() => goOn(true)}>
                  {t.keepMine}
                </Button>
              )}
            </HStack>
            {(changedPhone || changedEmail) && <BodyShort size="small">{t.conflictKeepMineHint}</BodyShort>}
          </Conflict>
        )}
        <FormProblems problem={problem} fieldIds={contactIds} />
        <TextField
          id={contactIds.phone}
          ref={phoneInput}
          label={t.phone}
          description={t.contactEmptyRemoves}
          type="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={fieldError(problem, "phone")}
        />
        <TextField
          id={contactIds.email}
          label={t.email}
          description={t.contactEmptyRemoves}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          maxLength={254}
          error={fieldError(problem, "email")}
        />
        <HStack gap="2">
          <Button type="submit" size="small" loading={save.isPending} disabled={theirs !== null}>
            {t.save}
          </Button>
          <Button type="button" size="small" variant="secondary" onClick={() => onDone(false)}>
            {t.cancel}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

function Occupation({ person: p }: { person: Person }) {
  const t = useT();
  return (
    <Card id="occupation" title={t.occupationHeading}>
      <dl className="fields">
        <Field label={t.currentOccupation}>
          {p.occupation_label ?? p.occupation.kind}
          {p.occupation.detail ? ` (${p.occupation.detail})` : ""}
          {p.occupation.effective_date ? `, ${t.since(p.occupation.effective_date)}` : ""}
        </Field>
        <Field label={t.plannedOccupation}>
          {p.planned_occupation ? (
            <>
              {p.planned_occupation_label ?? p.planned_occupation.kind}
              {p.planned_occupation.detail ? ` (${p.planned_occupation.detail})` : ""}
              {p.planned_occupation.effective_date ? `, ${t.from(p.planned_occupation.effective_date)}` : ""}
            </>
          ) : (
            t.nonePlanned
          )}
        </Field>
      </dl>
    </Card>
  );
}

/** Focus a message once it is shown (the button that led to it is gone). */
function useFocusOn(value: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (value) ref.current?.focus();
  }, [value]);
  return ref;
}

function Registrations({ person: p }: { person: Person }) {
  const t = useT();
  const session = useSession();
  // Closing, reopening and correcting the reason are by role only (never under a break-the-glass grant).
  const mayChange = session.data ? canReadCases(session.data) : false;
  const [dialog, setDialog] = useState<{ kind: "close" | "reopen" | "reason"; id: number } | null>(null);
  const [registering, setRegistering] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useFocusOn(message);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const registerButton = useRef<HTMLButtonElement>(null);
  const latest = p.registrations[p.registrations.length - 1];
  const noneOpen = p.registrations.every((r) => r.end_date);
  // The dialog carries the registration as read now (after a 409 the person is read anew).
  const current = dialog ? p.registrations.find((r) => r.id === dialog.id) : undefined;
  const closed = (text: string | null) => {
    setDialog(null);
    if (text) setMessage(text);
    else trigger.current?.focus();
  };
  const button = (r: Registration) => {
    if (!mayChange) return null;
    const open = (kind: "close" | "reopen" | "reason") => (e: MouseEvent<HTMLButtonElement>) => {
      trigger.current = e.currentTarget;
      setMessage(null);
      setDialog({ kind, id: r.id! });
    };
    // A contradicted reason is corrected whether or not the registration is open; an open one may be closed too.
    return (
      <HStack gap="2">
        {r.reason_contradicted && (
          <Button type="button" size="xsmall" variant="secondary" onClick={open("reason")}>
            {t.correctReason}
          </Button>
        )}
        {!r.end_date && (
          <Button type="button" size="xsmall" variant="secondary" onClick={open("close")}>
            {t.closeRegistration}
          </Button>
        )}
        {noneOpen && r.id === latest?.id && (
          <Button type="button" size="xsmall" variant="secondary" onClick={open("reopen")}>
            {t.reopenRegistration}
          </Button>
        )}
      </HStack>
    );
  };
  return (
    <Card id="registrations" title={t.registrationsHeading}>
      <div aria-live="polite">
        {message && (
          <Alert variant="success" size="small" ref={messageRef} tabIndex={-1} className="logged-message">
            {message}
          </Alert>
        )}
      </div>
      <Table size="small" aria-labelledby="registrations">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colStart}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colReason}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colEnd}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colEndReason}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colUnit}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colOwner}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colByHand}</Table.HeaderCell>
            {mayChange && <Table.HeaderCell scope="col">{t.colChange}</Table.HeaderCell>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {[...p.registrations].reverse().map((r) => (
            <Table.Row key={r.id}>
              <Table.DataCell>{r.start_date}</Table.DataCell>
              <Table.DataCell>
                {r.reason_label ?? r.reason}
                {r.reason_contradicted && " "}
                {r.reason_contradicted && (
                  <Tag variant="warning" size="xsmall">
                    {t.registersSay(r.registers_reason_label ?? r.registers_reason ?? "")}
                  </Tag>
                )}
              </Table.DataCell>
              <Table.DataCell>{r.end_date ?? t.ongoing}</Table.DataCell>
              <Table.DataCell>{r.end_reason_label ?? r.end_reason ?? ""}</Table.DataCell>
              <Table.DataCell>{r.unit || t.intake}</Table.DataCell>
              <Table.DataCell>
                {r.caseworker_id != null ? r.caseworker_username || `#${r.caseworker_id}` : <span className="subtle">{t.noCaseworker}</span>}
              </Table.DataCell>
              <Table.DataCell>
                {r.by_hand_label ?? r.by_hand ?? ""}
                {r.awaiting_registers ? ` (${t.awaitingRegisters})` : ""}
              </Table.DataCell>
              {mayChange && <Table.DataCell>{button(r)}</Table.DataCell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {/* A young person back after a closed case (they call in, a school reports them): registered anew. */}
      {noneOpen && mayChange && (
        <div className="register-again">
          <Button type="button" size="small" variant="secondary" ref={registerButton} onClick={() => setRegistering(true)}>
            {t.registerAgain}
          </Button>
        </div>
      )}
      {registering && (
        <RegisterByHandDialog
          personalId={p.personal_id}
          unknown={false}
          onClose={() => {
            setRegistering(false);
            registerButton.current?.focus();
          }}
        />
      )}
      {dialog?.kind === "close" && current && (
        <CloseRegistrationDialog
          personId={p.id}
          birthDate={p.birth_date}
          registration={current}
          onClose={(done) => closed(done ? t.registrationClosed(done.measures_ended?.length ?? 0) : null)}
        />
      )}
      {dialog?.kind === "reason" && current && (
        <CorrectReasonDialog
          personId={p.id}
          registration={current}
          onClose={(done) => closed(done ? t.reasonCorrected : null)}
        />
      )}
      {dialog?.kind === "reopen" && current && (
        <ReopenRegistrationDialog
          personId={p.id}
          registration={current}
          onClose={(done) => closed(done ? t.registrationReopened(done.measures_resumed?.length ?? 0) : null)}
        />
      )}
    </Card>
  );
}
