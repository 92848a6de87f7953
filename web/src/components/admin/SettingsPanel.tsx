// The settings: each deadline with its meaning in plain Swedish and its unit, edited together and saved
// with the ETag they were read at (PATCH /api/v1/settings). Only the changed ones are sent; the server's
// 422 appears beside each field at fault; a 409 shows what is saved now beside what was typed.
import { Alert, BodyShort, Button, Heading, Loader, TextField, VStack } from "@navikt/ds-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/client";
import { isProblem, settingsKey, useChangeSettings, useSettings, type Settings, type VersionedSettings } from "../../api/queries";
import { useT } from "../../i18n";
import { Conflict } from "../Conflict";
import { FormProblems, ProblemAlert, fieldError } from "../Problems";

const fieldId = (key: string) => `setting-${key}`;

export function SettingsPanel() {
  const t = useT();
  const settings = useSettings();
  const [saved, setSaved] = useState(false);
  return (
    <VStack gap="4" className="narrow-form">
      <div>
        <Heading level="2" size="medium" spacing>
          {t.admin.settingsHeading}
        </Heading>
        <BodyShort>{t.admin.settingsIntro}</BodyShort>
      </div>
      <div aria-live="polite">{saved && <Alert variant="success" size="small">{t.admin.settingsSaved}</Alert>}</div>
      {settings.isPending && <Loader title={t.loading} />}
      {settings.isError && <ProblemAlert error={settings.error} />}
      {/* A new version (saved, or theirs taken after a 409) starts the form afresh from it. */}
      {settings.data && <SettingsForm key={settings.data.etag} settings={settings.data} onSaved={setSaved} />}
    </VStack>
  );
}

function SettingsForm({ settings, onSaved }: { settings: VersionedSettings; onSaved: (saved: boolean) => void }) {
  const t = useT();
  const a = t.admin;
  const queryClient = useQueryClient();
  const change = useChangeSettings();
  const known = settings.values as Record<string, number>;
  // The known settings in the order of the messages, then any the UI has no words for.
  const keys = [...Object.keys(a.settings).filter((k) => k in known), ...Object.keys(known).filter((k) => !(k in a.settings))];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((k) => [k, String(known[k])])),
  );
  const [problem, setProblem] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<Record<string, number> | null>(null);
  const label = (key: string) => (a.settings[key] ? `${a.settings[key][0]} (${a.settingUnit[a.settings[key][2]]})` : key);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSaved(false);
    const notNumbers = keys.filter((k) => !/^\d+$/.test(values[k].trim()));
    if (notNumbers.length > 0) {
      setProblem(new ApiProblem(0, { errors: notNumbers.map((k) => ({ field: k, detail: a.settingInvalid(label(k)) })) }));
      return;
    }
    const changes = Object.fromEntries(
      keys.filter((k) => Number(values[k]) !== known[k]).map((k) => [k, Number(values[k])]),
    ) as Settings;
    if (Object.keys(changes).length === 0) {
      setProblem(new ApiProblem(0, { detail: a.noChanges }));
      return;
    }
    setProblem(null);
    change.mutate(
      { etag: settings.etag, changes },
      {
        onSuccess: () => onSaved(true),
        onError: (error) => {
          if (isProblem(error, 409) && error.current && typeof error.current === "object")
            setTheirs(error.current as Record<string, number>);
          else setProblem(error);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="5">
        {theirs && (
          <Conflict
            text={a.settingsConflictText}
            rows={keys
              .filter((k) => String(theirs[k]) !== values[k].trim())
              .map((k) => ({ label: label(k), theirs: String(theirs[k] ?? ""), yours: values[k] }))}
            onTakeTheirs={() => queryClient.invalidateQueries({ queryKey: settingsKey })}
          />
        )}
        <FormProblems problem={problem} fieldIds={Object.fromEntries(keys.map((k) => [k, fieldId(k)]))} />
        {keys.map((k) => (
          <TextField
            key={k}
            id={fieldId(k)}
            label={label(k)}
            description={a.settings[k] ? `${a.settings[k][1]} ${a.settingRange}` : a.settingRange}
            inputMode="numeric"
            htmlSize={6}
            value={values[k]}
            onChange={(e) => setValues({ ...values, [k]: e.target.value })}
            error={fieldError(problem, k)}
          />
        ))}
        <div>
          <Button type="submit" loading={change.isPending} disabled={theirs !== null}>
            {t.save}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
