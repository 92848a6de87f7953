// A young person with an open registration, a plan (a goal with a sub-goal), a measure and an
// assessment, as the server answers them: for the plan's component tests.
export const codes = (name: string, pairs: [string, string][]) =>
  [200, { name, codes: pairs.map(([code, label]) => ({ code, label, valid_from: "1900-01-01", valid_to: null })) }] as [
    number,
    unknown,
  ];

export const person = {
  id: 2, personal_id: "20070410-1234", first_name: "Malte", last_name: "Johansson", protected: false,
  address: null, contact: { phone: "", email: "" }, municipality_code: "1490", birth_date: "2007-04-10",
  coordination_number: false, occupation: { kind: "unknown" }, planned_occupation: null,
  registrations: [{ id: 7, person_id: 2, programme: "kaa", start_date: "2025-01-02", reason: "studiebevis", end_date: null, version: 1 }],
};

export const measure = {
  id: 31, kind: "measure", registration_id: 7, version: 3,
  data: {
    type: "internship", content: "Praktik fyra veckor", responsible: "other_actor", partner: "Coop", planned_start: null,
    start: "2025-02-01", end: null, end_reason: null, follow_up: "2025-03-01", evaluation: null, declined: null,
  },
  labels: { type: "Praktik", responsible: "Annan aktör" },
};

export const plan = {
  id: 50, kind: "plan", registration_id: 7, version: 3,
  data: {
    drawn_up_on: "2025-01-10", agreed_on: null, reviews: [],
    goals: [
      {
        id: "g1", title: "Börja studera", target_date: null, measure_ids: [],
        sub_goals: [{ id: "g1.1", title: "Praktik", target_date: "2025-04-01", measure_ids: [31], sub_goals: [] }],
      },
    ],
  },
  labels: { reviews: [] },
};

export const assessment = {
  id: 60, kind: "goal_assessment", registration_id: 7, version: 2,
  data: { goal_id: "g1.1", assessed_on: "2025-03-01", result: "partly", comment: "Går framåt" },
  labels: { result: "Delvis uppnått" },
};

/** The answers of a server that holds them, with the code lists the plan's forms use. */
export function planAnswers(): Record<string, [number, unknown]> {
  return {
    "GET /api/v1/session": [200, { csrf_token: "tok", user: { username: "anna", role: "caseworker" } }],
    "GET /api/v1/persons/2": [200, person],
    "GET /api/v1/persons/2/contact-attempts": [200, { items: [] }],
    "GET /api/v1/persons/2/plans": [200, { items: [plan] }],
    "GET /api/v1/persons/2/measures": [200, { items: [measure] }],
    "GET /api/v1/persons/2/goal-assessments": [200, { items: [assessment] }],
    "GET /api/v1/code-lists/measure_type": codes("measure_type", [["internship", "Praktik"], ["study_visit", "Studiebesök"]]),
    "GET /api/v1/code-lists/measure_end_reason": codes("measure_end_reason", [["completed", "Genomförd"]]),
    "GET /api/v1/code-lists/measure_responsible": codes("measure_responsible", [["individual", "Den unga"], ["municipality", "Kommunen"], ["other_actor", "Annan aktör"]]),
    "GET /api/v1/code-lists/goal_result": codes("goal_result", [["achieved", "Uppnått"], ["partly", "Delvis uppnått"], ["not_achieved", "Inte uppnått"]]),
    "GET /api/v1/code-lists/review_kind": codes("review_kind", [["follow_up", "Uppföljning"], ["evaluation", "Utvärdering"]]),
  };
}

/** The JSON body of the last request with `method`. */
export async function lastBody(requests: Request[], method: string) {
  const request = requests.filter((r) => r.method === method).pop();
  if (!request) throw new Error(`no ${method}`);
  return { body: JSON.parse(await request.clone().text()), ifMatch: request.headers.get("If-Match"), url: new URL(request.url).pathname };
}
