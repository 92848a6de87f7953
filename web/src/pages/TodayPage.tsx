// Idag (Today): the user's worklists with their counts, those with overdue items first; the chosen
// list (?lista=…, so that it can be bookmarked and Back returns to it) as a table of young persons,
// each linking to their page. A unit manager also sees who has what (by_caseworker).
import { BodyShort, Button, Checkbox, Heading, HStack, Loader, Table, Tag, VStack } from "@navikt/ds-react";
import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { ExclamationmarkTriangleIcon, EyeSlashIcon } from "@navikt/aksel-icons";
import { Link as RouterLink, useSearchParams } from "react-router-dom";
import {
  caseworkerOf,
  isWorklistName,
  pageOf,
  useWorklist,
  useWorklists,
  type Session,
  type Worklist,
  type WorklistCount,
  type WorklistItem,
  type WorklistName,
} from "../api/queries";
import { useContactDialog, type ContactPerson } from "../components/LogContact";
import { PageHeading } from "../components/PageHeading";
import { ReassignDialog, type CaseToAssign } from "../components/ReassignCases";
import { bodyClass, dataCell, headClass, headerCell, rowClass, RowButton, RowTag, tableClass } from "../components/bareTable";
import { ProblemAlert } from "../components/Problems";
import { useMessage } from "../components/useMessage";
import { age, daysBetween } from "../format";
import { useT } from "../i18n";
import type { Messages } from "../messages";
import { isUnitManager } from "../roles";

/** Overdue first (most overdue items), then the fullest; empty lists last. */
export function byUrgency(a: WorklistCount, b: WorklistCount): number {
  return b.overdue - a.overdue || b.count - a.count;
}

export function TodayPage({ session }: { session: Session }) {
  const t = useT();
  const worklists = useWorklists();
  const [params] = useSearchParams();
  // The order is decided when the page opens and kept while the user works: a card does not move away
  // from under the pointer because an action changed the counts (a caseworker's finding).
  const order = useRef<string[] | null>(null);
  if (!order.current && worklists.data) order.current = [...worklists.data.lists].sort(byUrgency).map((l) => l.name);
  const place = (name: string) => {
    const at = order.current?.indexOf(name) ?? -1;
    return at < 0 ? Infinity : at;
  };
  const lists = [...(worklists.data?.lists ?? [])].sort((a, b) => place(a.name) - place(b.name) || byUrgency(a, b));
  const asked = params.get("lista");
  // A list named in the URL is shown as soon as its page is read, without waiting for every list's count.
  const chosen = isWorklistName(asked) ? asked : asked ? undefined : (lists.find((l) => l.count > 0)?.name as WorklistName | undefined);
  const contact = useContactDialog();
  const page = pageOf(params);
  const caseworker = caseworkerOf(params);

  return (
    <>
      <PageHeading>{t.todayTitle}</PageHeading>
      {contact.ui}
      <VStack gap="8">
        {worklists.data && <BodyShort>{t.todayIntro(worklists.data.today)}</BodyShort>}
        <nav aria-labelledby="worklists-heading">
          <Heading level="2" size="medium" id="worklists-heading" spacing>
            {t.worklistsHeading}
          </Heading>
          {worklists.isPending && <Loader title={t.loading} />}
          {worklists.isError && <ProblemAlert error={worklists.error} />}
          {worklists.data && (
          <ul className="worklists">
            {lists.map((list) => (
              <li key={list.name}>
                <RouterLink
                  to={`?lista=${list.name}`}
                  aria-current={chosen === list.name ? "page" : undefined}
                  className="worklist-link"
                >
                  <span className="worklist-name">{t.worklistNames[list.name] ?? list.name}</span>
                  <span className="worklist-count">
                    {list.overdue > 0 && <ExclamationmarkTriangleIcon aria-hidden className="overdue-icon" />}
                    {t.worklistCount(list.count, list.overdue)}
                  </span>
                </RouterLink>
              </li>
            ))}
          </ul>
          )}
        </nav>
        {chosen ? (
          <WorklistSection
            key={`${chosen}:${caseworker ?? ""}`}
            name={chosen}
            byCaseworker={lists.find((l) => l.name === chosen)}
            page={page}
            caseworker={caseworker}
            session={session}
            onLogContact={contact.open}
          />
        ) : (
          worklists.data && <BodyShort>{t.chooseWorklist}</BodyShort>
        )}
      </VStack>
    </>
  );
}

type OpenContact = (person: ContactPerson, trigger: HTMLElement) => void;

// Memoised: the contact dialog's state in TodayPage does not render the table's rows again.
const WorklistSection = memo(function WorklistSection({
  name,
  byCaseworker,
  page,
  caseworker,
  session,
  onLogContact,
}: {
  name: WorklistName;
  /** The list's counts per caseworker (a unit manager's table), once the summary is read. */
  byCaseworker?: WorklistCount;
  page: number;
  /** Only this caseworker's cases (?handlaggare=). */
  caseworker?: number;
  session: Session;
  onLogContact: OpenContact;
}) {
  const t = useT();
  const worklist = useWorklist(name, page, caseworker);
  const owners = useMemo(() => (byCaseworker ? ownerLabels(byCaseworker, t) : undefined), [byCaseworker, t]);
  const title = t.worklistNames[name] ?? name;
  const manager = isUnitManager(session);
  const [selected, setSelected] = useState<Map<number, CaseToAssign>>(new Map());
  const [reassigning, setReassigning] = useState<CaseToAssign[] | null>(null);
  const reassignButton = useRef<HTMLButtonElement>(null);
  const { setMessage, ui: reassigned } = useMessage();
  const toggle = useCallback(
    (row: CaseToAssign, on: boolean) =>
      setSelected((old) => {
        const next = new Map(old);
        if (on) next.set(row.registrationId, row);
        else next.delete(row.registrationId);
        return next;
      }),
    [],
  );
  return (
    <section aria-labelledby="worklist-heading">
      <Heading level="2" size="medium" id="worklist-heading" spacing>
        {title}
        {worklist.data && `: ${t.worklistCount(worklist.data.count, worklist.data.overdue)}`}
      </Heading>
      {worklist.isPending && <Loader title={t.loading} />}
      {worklist.isError && <ProblemAlert error={worklist.error} />}
      {caseworker && (
        <BodyShort spacing>
          {t.onlyCaseworker(owners?.caseworkers.get(caseworker) ?? `#${caseworker}`)}{" "}
          <RouterLink className="navds-link" to={`?lista=${name}`}>
            {t.showEveryCaseworker}
          </RouterLink>
        </BodyShort>
      )}
      {name === "first_contact" && worklist.data && worklist.data.count > 0 && (
        <BodyShort spacing>
          <RouterLink className="navds-link" to="/brev">
            {t.letters.fromToday}
          </RouterLink>
        </BodyShort>
      )}
      {worklist.data &&
        (worklist.data.count === 0 ? (
          <BodyShort>{t.worklistEmpty}</BodyShort>
        ) : (
          <WorklistPages name={name} caseworker={caseworker} list={worklist.data}>
            <div className="table-scroll">
            <WorklistTable
            name={name}
            today={worklist.data.today}
            items={worklist.data.items}
            caption={title}
            onLogContact={onLogContact}
            selected={manager ? selected : undefined}
            onSelect={manager ? toggle : undefined}
            owners={manager ? owners : undefined}
            />
            </div>
          </WorklistPages>
        ))}
      {manager && reassigned}
      {manager && worklist.data && worklist.data.count > 0 && (
        <HStack gap="4" className="reassign-bar">
          <Button
            type="button"
            size="small"
            variant="secondary"
            ref={reassignButton}
            disabled={selected.size === 0}
            onClick={() => {
              setMessage(null);
              setReassigning([...selected.values()]);
            }}
          >
            {t.reassignSelected(selected.size)}
          </Button>
        </HStack>
      )}
      {reassigning && (
        <ReassignDialog
          cases={reassigning}
          onClose={(summary) => {
            setReassigning(null);
            // What was done takes the focus (the button is disabled once the choice is cleared); else the button.
            if (summary) {
              setSelected(new Map());
              setMessage(summary);
            } else reassignButton.current?.focus();
          }}
        />
      )}
      {manager && byCaseworker && byCaseworker.by_caseworker.length > 0 && (
        <ByCaseworker list={byCaseworker} title={title} caseworker={caseworker} />
      )}
    </section>
  );
});

/** A page of the list (100 items, ?sida=): which items it shows, and links to every page. */
function WorklistPages({ name, caseworker, list, children }: { name: string; caseworker?: number; list: Worklist; children: ReactNode }) {
  const t = useT();
  const at = (n: number) => `?lista=${name}${caseworker ? `&handlaggare=${caseworker}` : ""}&sida=${n}`;
  const from = Math.min(list.count, (list.page - 1) * list.page_size + 1);
  const to = from + list.items.length - (list.items.length > 0 ? 1 : 0);
  const pages = Math.ceil(list.count / list.page_size);
  return (
    <>
      {pages > 1 && <BodyShort className="worklist-showing">{t.worklistShowing(from, to, list.count)}</BodyShort>}
      {list.items.length > 0 && children}
      {pages > 1 && (
        <nav aria-label={t.worklistPaging} className="worklist-pages">
          <HStack gap="4" wrap>
            {list.page > 1 && (
              <RouterLink className="navds-link" to={at(list.page - 1)}>
                {t.previousPage}
              </RouterLink>
            )}
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <RouterLink
                key={n}
                className="navds-link"
                to={at(n)}
                aria-current={n === list.page ? "page" : undefined}
                aria-label={t.pageNumber(n)}
              >
                {n}
              </RouterLink>
            ))}
            {list.page < pages && (
              <RouterLink className="navds-link" to={at(list.page + 1)}>
                {t.nextPage}
              </RouterLink>
            )}
          </HStack>
        </nav>
      )}
    </>
  );
}

function what(t: Messages, name: string, item: WorklistItem): string {
  const base = t.worklistWhat[name] ?? name;
  if (name === "occupation" && item.detail_label) return `${base} (${t.lastKnownOccupation(item.detail_label)})`;
  if (item.detail) return `${base}: ${item.detail}`;
  return base;
}

export function WorklistTable({
  name,
  today,
  items,
  caption,
  onLogContact,
  selected,
  onSelect,
  owners,
}: {
  name: string;
  today: string;
  items: WorklistItem[];
  caption: string;
  /** A button on each row that logs a contact (left out when not given). */
  onLogContact?: OpenContact;
  /** A checkbox on each row (a unit manager choosing cases to reassign), left out when not given. */
  selected?: Map<number, CaseToAssign>;
  onSelect?: (row: CaseToAssign, on: boolean) => void;
  /** A column naming who is responsible for each case (a unit manager's), left out when not given. */
  owners?: Owners;
}) {
  const t = useT();
  return (
    <table className={`${tableClass} worklist-table`}>
      <caption className="navds-sr-only">{caption}</caption>
      <thead className={headClass}>
        <tr className={rowClass}>
          {onSelect && (
            <th className={headerCell} scope="col">
              <span className="navds-sr-only">{t.colSelect}</span>
            </th>
          )}
          <th className={headerCell} scope="col">{t.colName}</th>
          <th className={headerCell} scope="col">{t.colAge}</th>
          <th className={headerCell} scope="col">{t.colTurns20}</th>
          <th className={headerCell} scope="col">{t.colPhone}</th>
          <th className={headerCell} scope="col">{t.colWhat}</th>
          <th className={headerCell} scope="col">{t.colDue}</th>
          <th className={headerCell} scope="col">{t.colStatus}</th>
          {owners && <th className={headerCell} scope="col">{t.colOwner}</th>}
          {onLogContact && (
            <th className={headerCell} scope="col">
              <span className="navds-sr-only">{t.colActions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className={bodyClass}>
        {items.map((item) => (
          <WorklistRow
            key={`${item.registration_id}-${item.record_id ?? ""}`}
            name={name}
            today={today}
            item={item}
            selected={onSelect ? (selected?.has(item.registration_id!) ?? false) : undefined}
            onSelect={onSelect}
            onLogContact={onLogContact}
            owner={owners ? ownerOf(owners, item) : undefined}
          />
        ))}
      </tbody>
    </table>
  );
}

/** One row, memoised: choosing a row (a unit manager) renders that row alone, not all of them. */
const WorklistRow = memo(function WorklistRow({
  name,
  today,
  item,
  selected,
  onSelect,
  onLogContact,
  owner,
}: {
  name: string;
  today: string;
  item: WorklistItem;
  selected?: boolean;
  onSelect?: (row: CaseToAssign, on: boolean) => void;
  onLogContact?: OpenContact;
  /** Who is responsible for the case, when the table shows it. */
  owner?: string;
}) {
  const t = useT();
  const overdue = item.days_overdue ?? 0;
  const until = item.due ? daysBetween(today, item.due) : 0;
  const fullName = `${item.first_name} ${item.last_name}`;
  const link = (
    <RouterLink to={`/personer/${item.person_id}`} className="navds-link navds-link--action" data-color="accent" data-variant="action">
      {fullName}
    </RouterLink>
  );
  return (
    <tr className={overdue > 0 ? `${rowClass} overdue` : rowClass}>
      {onSelect && (
        <td className={dataCell}>
          <Checkbox
            hideLabel
            size="small"
            checked={selected}
            onChange={(e) =>
              onSelect({ personId: item.person_id!, registrationId: item.registration_id!, name: fullName, owner }, e.target.checked)
            }
          >
            {t.selectCase(fullName)}
          </Checkbox>
        </td>
      )}
      <th className={headerCell} scope="row">
        {item.protected ? (
          <HStack gap="2" align="center">
            {link}
            <Tag variant="warning" size="xsmall" icon={<EyeSlashIcon aria-hidden />}>
              {t.protectedIdentity}
            </Tag>
          </HStack>
        ) : (
          link
        )}
      </th>
      <td className={dataCell}>{item.birth_date ? t.years(age(item.birth_date, today)) : ""}</td>
      <td className={`${dataCell} nowrap`}>{item.turns_20}</td>
      <td className={`${dataCell} nowrap`}>
        {item.protected ? (
          <span className="subtle">{t.protectedHidden}</span>
        ) : item.phone ? (
          item.phone
        ) : (
          <span className="subtle">{t.missing}</span>
        )}
      </td>
      <td className={dataCell}>{what(t, name, item)}</td>
      <td className={`${dataCell} nowrap`}>{item.due}</td>
      <td className={dataCell}>
        {overdue > 0 ? (
          <RowTag variant="error" warningIcon>
            {t.overdueSince(overdue)}
          </RowTag>
        ) : until <= 0 ? (
          <RowTag variant="warning">{t.dueToday}</RowTag>
        ) : (
          t.dueIn(until)
        )}
      </td>
      {owner !== undefined && <td className={dataCell}>{owner}</td>}
      {onLogContact && (
        <td className={`${dataCell} nowrap`}>
          <RowButton
            variant="secondary"
            size="small"
            onClick={(e) => onLogContact({ id: item.person_id!, name: fullName }, e.currentTarget)}
          >
            {t.logContact}
            <span className="navds-sr-only"> {t.logContactWith(fullName)}</span>
          </RowButton>
        </td>
      )}
    </tr>
  );
});

/** Who is responsible, by a list's counts per caseworker: a caseworker by user id, nobody by the unit. */
type Owners = { caseworkers: Map<number, string>; units: Map<string, string> };

function ownerLabels(list: WorklistCount, t: Messages): Owners {
  const owners: Owners = { caseworkers: new Map(), units: new Map() };
  for (const row of list.by_caseworker) {
    if (row.caseworker_id !== null) owners.caseworkers.set(row.caseworker_id, row.username ?? `#${row.caseworker_id}`);
    // Short in the column (the counts' table has the long label): the unit, or the intake.
    else owners.units.set(row.unit ?? "", row.unit ? t.unitNoCaseworker(row.unit) : t.intakeShort);
  }
  return owners;
}

const ownerOf = (owners: Owners, item: WorklistItem) =>
  (item.caseworker_id != null ? owners.caseworkers.get(item.caseworker_id) : owners.units.get(item.unit ?? "")) ?? "";

/** A list's counts per caseworker; each caseworker's name shows the list with their cases alone. */
export function ByCaseworker({ list, title, caseworker }: { list: WorklistCount; title: string; caseworker?: number }) {
  const t = useT();
  return (
    <div className="by-caseworker">
      <Heading level="3" size="small" spacing id={`by-caseworker-${list.name}`}>
        {t.byCaseworkerHeading(title)}
      </Heading>
      <Table size="small" aria-labelledby={`by-caseworker-${list.name}`}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colCaseworker}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {t.colCount}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {t.colOverdue}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {list.by_caseworker.map((row) => (
            <Table.Row key={row.caseworker_id ?? `unit:${row.unit}`}>
              <Table.HeaderCell scope="row">
                {row.caseworker_id !== null ? (
                  <RouterLink
                    className="navds-link"
                    to={`?lista=${list.name}&handlaggare=${row.caseworker_id}`}
                    aria-current={row.caseworker_id === caseworker ? "page" : undefined}
                  >
                    {row.username ?? `#${row.caseworker_id}`}
                  </RouterLink>
                ) : (
                  (row.label ?? row.unit)
                )}
              </Table.HeaderCell>
              <Table.DataCell align="right">{row.count}</Table.DataCell>
              <Table.DataCell align="right">{row.overdue}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
