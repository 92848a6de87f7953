// A young person's case as the server answers it, for the tests of the case over time.
import type { Answers } from "./render";

export const person = {
  id: 2, personal_id: "20070410-1234", first_name: "Malte", last_name: "Johansson", protected: false,
  address: null, contact: { phone: "", email: "" }, municipality_code: "1490", birth_date: "2007-04-10",
  coordination_number: false, version: 1,
  registrations: [{ id: 7, person_id: 2, start_date: "2025-01-01", reason: "dropout_national_programme", reason_label: "Avbrott på nationellt program", version: 1, end_date: null, unit: "KAA Norr" }],
  occupation: { kind: "unknown" }, planned_occupation: null,
};

export const contact = {
  id: 41, kind: "contact_attempt", registration_id: 7, version: 2,
  data: { date: "2025-03-03", time: "10:15", channel: "phone", reached: true, occupation: "studies", occupation_detail: "komvux", declined: false, note: null },
  labels: { channel: "Telefon", occupation: "Studier", occupation_detail: "Komvux" },
};

/** Learnt at the contact; entered by hand; planned ahead. */
export const occupations = [
  { id: 42, kind: "occupation", registration_id: 7, version: 1, data: { effective_date: "2025-03-03", kind: "studies", detail: "komvux", source: "contact", planned: false, contact_id: 41 }, labels: { kind: "Studier", source: "Kontakt med den unga", detail: "Komvux" } },
  { id: 50, kind: "occupation", registration_id: 7, version: 3, data: { effective_date: "2025-06-01", kind: "work", detail: "deltid", source: "other", planned: false, contact_id: null }, labels: { kind: "Arbete", source: "Annan källa" } },
  { id: 51, kind: "occupation", registration_id: 7, version: 1, data: { effective_date: "2025-08-20", kind: "studies", detail: null, source: "school_notice", planned: true, contact_id: null }, labels: { kind: "Studier", source: "Anmälan från skola" } },
];

const codes = (pairs: [string, string][]) => ({ codes: pairs.map(([code, label]) => ({ code, label, valid_from: "2020-01-01" })) });

/** The session, the person, their records and the code lists. */
export function caseAnswers(): Answers {
  return {
    "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
    "GET /api/v1/persons/2": [200, person],
    "GET /api/v1/persons/2/contact-attempts": [200, { items: [contact] }],
    "GET /api/v1/persons/2/occupations": [200, { items: occupations }],
    "GET /api/v1/persons/2/history": [200, { items: [] }],
    "GET /api/v1/code-lists/occupation": [200, codes([["studies", "Studier"], ["work", "Arbete"], ["no_occupation", "Ingen sysselsättning"]])],
    "GET /api/v1/code-lists/occupation_source": [200, codes([["contact", "Kontakt med den unga"], ["school_notice", "Anmälan från skola"], ["other", "Annan källa"]])],
    "GET /api/v1/code-lists/contact_channel": [200, codes([["phone", "Telefon"], ["letter", "Brev"]])],
    "GET /api/v1/code-lists/registration_reason": [200, codes([["dropout_national_programme", "Avbrott på nationellt program"]])],
    "GET /api/v1/code-lists/deregistration_reason": [200, codes([["moved_abroad", "Flyttat utomlands (uppgift från den unga)"]])],
  };
}
