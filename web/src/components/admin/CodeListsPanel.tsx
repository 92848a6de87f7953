// The code lists (read only): each list by its Swedish name, with its codes, labels and validity.
import { BodyShort, Heading, Loader, Table, VStack } from "@navikt/ds-react";
import { useCodeLists } from "../../api/queries";
import { useT } from "../../i18n";
import { ProblemAlert } from "../Problems";

export function CodeListsPanel() {
  const t = useT();
  const a = t.admin;
  const lists = useCodeLists();
  return (
    <VStack gap="6">
      <div>
        <Heading level="2" size="medium" spacing>
          {a.codeListsHeading}
        </Heading>
        <BodyShort>{a.codeListsIntro}</BodyShort>
      </div>
      {lists.isPending && <Loader title={t.loading} />}
      {lists.isError && <ProblemAlert error={lists.error} />}
      {lists.data?.map((list) => {
        const id = `code-list-${list.name}`;
        return (
          <section key={list.name} aria-labelledby={id}>
            <Heading level="3" size="small" id={id} spacing>
              {a.codeListNames[list.name ?? ""] ?? list.name} <code className="subtle">{list.name}</code>
            </Heading>
            <Table size="small" aria-labelledby={id}>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{a.colCode}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{a.colLabel}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{a.colValidFrom}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{a.colValidTo}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {(list.codes ?? []).map((c) => (
                  <Table.Row key={`${c.code}-${c.valid_from}`}>
                    <Table.DataCell>
                      <code>{c.code}</code>
                    </Table.DataCell>
                    <Table.DataCell>{c.label}</Table.DataCell>
                    <Table.DataCell>{c.valid_from}</Table.DataCell>
                    <Table.DataCell>{c.valid_to ?? a.stillValid}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </section>
        );
      })}
    </VStack>
  );
}
