// The units: a list, and a field to add one (the server's 422 beside it, a unit that exists already as
// its 409's alert).
import { Alert, BodyShort, Button, HStack, Heading, Loader, Table, TextField, VStack } from "@navikt/ds-react";
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/client";
import { useCreateUnit, useUnits } from "../../api/queries";
import { useT } from "../../i18n";
import { FormProblems, ProblemAlert, fieldError } from "../Problems";

const nameId = "new-unit-name";

export function UnitsPanel() {
  const t = useT();
  const a = t.admin;
  const units = useUnits();
  const create = useCreateUnit();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    if (!name.trim()) {
      setProblem(new ApiProblem(0, { errors: [{ field: "name", detail: a.unitNameRequired }] }));
      return;
    }
    setProblem(null);
    create.mutate(name.trim(), {
      onSuccess: () => {
        setAdded(name.trim());
        setName("");
      },
      onError: setProblem,
    });
  };

  return (
    <VStack gap="5">
      <div>
        <Heading level="2" size="medium" spacing>
          {a.unitsHeading}
        </Heading>
        <BodyShort>{a.unitsIntro}</BodyShort>
      </div>
      {units.isPending && <Loader title={t.loading} />}
      {units.isError && <ProblemAlert error={units.error} />}
      {units.data && units.data.length === 0 && <BodyShort>{a.noUnitsYet}</BodyShort>}
      {units.data && units.data.length > 0 && (
        <Table size="small" className="narrow" aria-label={a.unitsHeading}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{a.colUnit}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {units.data.map((u) => (
              <Table.Row key={u}>
                <Table.DataCell>{u}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <form onSubmit={submit} noValidate className="narrow">
        <VStack gap="3">
          <FormProblems problem={problem} fieldIds={{ name: nameId }} />
          <div aria-live="polite">{added && <Alert variant="success" size="small">{a.unitAdded(added)}</Alert>}</div>
          <HStack gap="2" align="end">
            <TextField
              id={nameId}
              label={a.unitName}
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              error={fieldError(problem, "name")}
            />
            <Button type="submit" variant="secondary" loading={create.isPending}>
              {a.addUnit}
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
