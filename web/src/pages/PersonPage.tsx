// One young person, read-only: identity (a protected identity clearly marked), contact details,
// registrations, current and planned occupation, and the contact attempts, newest first.
import { Alert, BodyShort, Box, HGrid, Heading, Label, Link, Loader, Table, Tag, VStack } from "@navikt/ds-react";
import { EyeSlashIcon } from "@navikt/aksel-icons";
import type { ReactNode } from "react";
import { Link as RouterLink, useParams } from "react-router-dom";
import { useContactAttempts, usePerson, type Person } from "../api/queries";
import { PageHeading } from "../components/PageHeading";
import { ProblemAlert } from "../components/Problems";
import { useT } from "../i18n";
import { NotFoundPage } from "./NotFoundPage";

export function PersonPage() {
  const { id } = useParams();
  if (!id || !/^[1-9][0-9]{0,15}$/.test(id)) return <NotFoundPage />;
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

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box as="section" aria-labelledby={id} padding="4" borderWidth="1" borderRadius="medium" borderColor="border-subtle">
      <Heading level="2" size="small" id={id} spacing>
        {title}
      </Heading>
      {children}
    </Box>
  );
}

function PersonView({ id }: { id: number }) {
  const t = useT();
  const person = usePerson(id);
  if (person.isPending)
    return (
      <>
        <PageHeading>{t.personTitle}</PageHeading>
        <Loader title={t.loading} />
      </>
    );
  if (person.isError)
    return (
      <>
        <PageHeading>{t.personTitle}</PageHeading>
        <ProblemAlert error={person.error} />
      </>
    );
  const p = person.data;
  return (
    <VStack gap="6">
      <div>
        <Link as={RouterLink} to="/">
          {t.backToToday}
        </Link>
      </div>
      <div>
        <PageHeading>{`${p.first_name} ${p.last_name}`}</PageHeading>
        {p.protected && (
          <Tag variant="warning" icon={<EyeSlashIcon aria-hidden />}>
            {t.protectedIdentity}
          </Tag>
        )}
      </div>
      {p.protected && <Alert variant="warning">{t.protectedExplained}</Alert>}
      <HGrid gap="4" columns={{ xs: 1, md: 2 }}>
        <Identity person={p} />
        <Contact person={p} />
      </HGrid>
      <Occupation person={p} />
      <Registrations person={p} />
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
  const hidden = <span className="subtle">{t.protectedHidden}</span>;
  const unknown = <span className="subtle">{t.notKnown}</span>;
  return (
    <Card id="contact" title={t.contactHeading}>
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
    </Card>
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

function Registrations({ person: p }: { person: Person }) {
  const t = useT();
  return (
    <Card id="registrations" title={t.registrationsHeading}>
      <Table size="small" aria-labelledby="registrations">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colStart}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colReason}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colEnd}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colEndReason}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colUnit}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colByHand}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {[...p.registrations].reverse().map((r) => (
            <Table.Row key={r.id}>
              <Table.DataCell>{r.start_date}</Table.DataCell>
              <Table.DataCell>{r.reason_label ?? r.reason}</Table.DataCell>
              <Table.DataCell>{r.end_date ?? t.ongoing}</Table.DataCell>
              <Table.DataCell>{r.end_reason_label ?? r.end_reason ?? ""}</Table.DataCell>
              <Table.DataCell>{r.unit || t.intake}</Table.DataCell>
              <Table.DataCell>
                {r.by_hand_label ?? r.by_hand ?? ""}
                {r.awaiting_registers ? ` (${t.awaitingRegisters})` : ""}
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Card>
  );
}

function ContactAttempts({ id }: { id: number }) {
  const t = useT();
  const attempts = useContactAttempts(id);
  return (
    <Card id="contacts" title={t.contactsHeading}>
      {attempts.isPending && <Loader title={t.loading} />}
      {attempts.isError && <ProblemAlert error={attempts.error} />}
      {attempts.data &&
        (attempts.data.length === 0 ? (
          <BodyShort>{t.noContacts}</BodyShort>
        ) : (
          <>
            <BodyShort size="small" spacing>
              {t.contactsNewestFirst}
            </BodyShort>
            <Table size="small" aria-labelledby="contacts">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t.colDate}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colTime}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colChannel}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colReached}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colOccupation}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.colNote}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...attempts.data].reverse().map((a) => (
                  <Table.Row key={a.id}>
                    <Table.DataCell>{a.data.date}</Table.DataCell>
                    <Table.DataCell>{a.data.time ?? ""}</Table.DataCell>
                    <Table.DataCell>{a.labels.channel ?? a.data.channel}</Table.DataCell>
                    <Table.DataCell>
                      {a.data.reached ? t.yes : t.no}
                      {a.data.declined ? ` (${t.declined})` : ""}
                    </Table.DataCell>
                    <Table.DataCell>
                      {a.data.occupation ? (a.labels.occupation ?? a.data.occupation) : ""}
                      {a.data.occupation_detail ? ` (${a.labels.occupation_detail ?? a.data.occupation_detail})` : ""}
                    </Table.DataCell>
                    <Table.DataCell>{a.data.note ?? ""}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </>
        ))}
    </Card>
  );
}
