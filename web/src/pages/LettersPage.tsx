// Brev (/brev): first-contact letters (docs/reports.md). The caller's first-contact list as letters to
// print — how many, the PDF to download, and the persons listed apart (a protected person's letter goes
// through Skatteverket's forwarding, never with an address; one without a known address gets none) — then
// "Markera som skickade", which records a contact attempt by letter dated today for each. Below, the
// letter's template with its fields explained.
import { Alert, BodyShort, Button, Heading, HStack, Link, List, Loader, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink } from "react-router-dom";
import { ApiProblem } from "../api/client";
import {
  firstContactLettersPdfUrl,
  useConfirmLettersSent,
  useFirstContactLetters,
  useLetterTemplate,
  useSaveLetterTemplate,
  type FirstContactLetters,
  type LetterTemplate,
} from "../api/queries";
import { PageHeading } from "../components/PageHeading";
import { FormProblems, ProblemAlert, fieldError } from "../components/Problems";
import { useT } from "../i18n";

export function LettersPage() {
  const t = useT().letters;
  const letters = useFirstContactLetters();
  const template = useLetterTemplate();
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <VStack gap="8">
        <BodyShort>{t.intro}</BodyShort>
        {letters.isPending && <Loader title={t.title} />}
        {letters.isError && <ProblemAlert error={letters.error} />}
        {letters.data && <Letters letters={letters.data} />}
        {template.isPending && <Loader title={t.templateHeading} />}
        {template.isError && <ProblemAlert error={template.error} />}
        {template.data && <TemplateForm template={template.data} />}
      </VStack>
    </>
  );
}

function Letters({ letters }: { letters: FirstContactLetters }) {
  const t = useT().letters;
  const confirm = useConfirmLettersSent();
  const [asking, setAsking] = useState(false);
  const [recorded, setRecorded] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const done = useRef<HTMLDivElement>(null);
  const sendable = [...letters.letters, ...letters.forwarded].map((l) => l.person_id);

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (recorded !== null) done.current?.focus();
  }, [recorded]);

  const markSent = async () => {
    setProblem(null);
    try {
      const answer = await confirm.mutateAsync(sendable);
      setAsking(false);
      setRecorded(answer.recorded);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <VStack gap="6">
      <div tabIndex={-1} ref={done} aria-live="polite">
        {recorded !== null && (
          <Alert variant="success" size="small">
            {t.recorded(recorded)}
          </Alert>
        )}
      </div>
      <BodyShort>{t.count(letters.count, letters.date)}</BodyShort>
      <PersonSection id="letters-heading" heading={t.lettersHeading} persons={letters.letters} />
      <PersonSection
        id="forwarded-heading"
        heading={t.forwardedHeading}
        intro={t.forwardedIntro}
        persons={letters.forwarded}
        after={`: ${t.forwarded}`}
      />
      <PersonSection
        id="without-address-heading"
        heading={t.withoutAddressHeading}
        intro={t.withoutAddressIntro}
        persons={letters.without_address}
      />
      {sendable.length > 0 && (
        <HStack gap="6" align="center">
          <Link href={firstContactLettersPdfUrl()} download>
            {t.print}
          </Link>
          {!asking && (
            <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
              {t.markSent}
            </Button>
          )}
        </HStack>
      )}
      {asking && (
        <section aria-labelledby="confirm-heading" className="narrow-form">
          <VStack gap="4">
            <Heading level="2" size="small" id="confirm-heading" tabIndex={-1} ref={question}>
              {t.confirmQuestion(sendable.length)}
            </Heading>
            <BodyShort>{t.confirmExplained}</BodyShort>
            {problem != null && <ProblemAlert error={problem} />}
            <HStack gap="4">
              <Button type="button" onClick={markSent} loading={confirm.isPending}>
                {t.confirmYes}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setAsking(false)}>
                {t.cancel}
              </Button>
            </HStack>
          </VStack>
        </section>
      )}
    </VStack>
  );
}

/** A list of persons under its heading, each a link to the case; nothing when the list is empty. */
function PersonSection({
  id,
  heading,
  intro,
  persons,
  after,
}: {
  id: string;
  heading: string;
  intro?: string;
  persons: { person_id: number; name: string }[];
  after?: string;
}) {
  if (persons.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <Heading level="2" size="medium" spacing id={id}>
        {heading}
      </Heading>
      {intro && <BodyShort spacing>{intro}</BodyShort>}
      <List size="small">
        {persons.map((l) => (
          <List.Item key={l.person_id}>
            <Link as={RouterLink} to={`/personer/${l.person_id}`}>
              {l.name}
            </Link>
            {after}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

function TemplateForm({ template }: { template: LetterTemplate }) {
  const t = useT().letters;
  const save = useSaveLetterTemplate();
  const [text, setText] = useState(template.text);
  const [phone, setPhone] = useState(template.phone);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (text === template.text && phone === template.phone && template.saved) {
      setProblem(new ApiProblem(0, { detail: t.noChanges }));
      return;
    }
    setProblem(null);
    try {
      await save.mutateAsync({ text, phone, version: template.version });
      setSaved(true);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="template-heading">
      <VStack gap="4" className="narrow-form">
        <div>
          <Heading level="2" size="medium" spacing id="template-heading">
            {t.templateHeading}
          </Heading>
          <BodyShort spacing>{template.saved ? t.templateSaved : t.templateDefault}</BodyShort>
        </div>
        <div aria-live="polite">{saved && <Alert variant="success" size="small">{t.templateSavedNow}</Alert>}</div>
        <FormProblems problem={problem} fieldIds={{ text: "letter-text", phone: "letter-phone" }} />
        <Textarea
          id="letter-text"
          label={t.text}
          description={t.fields}
          maxLength={5000}
          minRows={12}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={fieldError(problem, "text")}
        />
        <TextField
          id="letter-phone"
          label={t.phone}
          description={t.phoneExplained}
          htmlSize={20}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={fieldError(problem, "phone")}
        />
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.saveTemplate}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
