// Server state, only through TanStack Query: one hook per thing the UI reads, one mutation per
// change (which invalidates what it changed).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiProblem, client, setCsrfToken, unwrap } from "./client";
import type { components, paths } from "./schema";

export type Session = { username: string; roles: string[] };

type SessionBody = { csrf_token?: string; user?: { username?: string; role?: string } };

function session(body: SessionBody): Session {
  setCsrfToken(body.csrf_token ?? null);
  // The API answers a user's roles comma-separated in `role` ("admin,unit_manager").
  return { username: body.user?.username ?? "", roles: (body.user?.role ?? "").split(",").filter(Boolean) };
}

export const sessionKey = ["session"] as const;

/** The signed-in user, or null when there is no session. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      const result = await client.GET("/api/v1/session");
      if (result.response.status === 401) {
        setCsrfToken(null);
        return null;
      }
      return session(unwrap(result));
    },
    staleTime: Infinity,
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { username: string; password: string }) =>
      session(unwrap(await client.POST("/api/v1/session", { body: credentials }))),
    onSuccess: (signedIn) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, signedIn);
    },
  });
}

// Set while the user logs out: the login that follows starts afresh at Idag, not at the page the
// previous user was on (which is where an ended session sends the user back after login).
let loggingOut = false;
export function takeLoggingOut(): boolean {
  const was = loggingOut;
  loggingOut = false;
  return was;
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await client.DELETE("/api/v1/session");
      if (result.response.status !== 401) unwrap(result);
    },
    onSettled: () => {
      loggingOut = true;
      setCsrfToken(null);
      // Nothing personal stays in memory after logout.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

export type WorklistCount = {
  name: string;
  count: number;
  overdue: number;
  by_caseworker: {
    caseworker_id: number | null;
    username: string | null;
    unit?: string;
    label?: string;
    count: number;
    overdue: number;
  }[];
};
export type Worklists = { today: string; lists: WorklistCount[] };

export function useWorklists() {
  return useQuery({
    queryKey: ["worklists"],
    queryFn: async () => unwrap(await client.GET("/api/v1/worklists")) as Worklists,
  });
}

type WorklistRoute = paths["/api/v1/worklists/{name}"]["get"];
export type WorklistName = WorklistRoute["parameters"]["path"]["name"];
type WorklistAnswer = WorklistRoute["responses"][200]["content"]["application/json"];
export type WorklistItem = NonNullable<WorklistAnswer["items"]>[number] & {
  // Sent by the server (docs/casework.md) but not in the OpenAPI file.
  detail_label?: string | null;
};
export type Worklist = { name: string; today: string; count: number; overdue: number; items: WorklistItem[] };

export function useWorklist(name: WorklistName | null) {
  return useQuery({
    queryKey: ["worklists", name],
    enabled: name !== null,
    queryFn: async () =>
      unwrap(await client.GET("/api/v1/worklists/{name}", { params: { path: { name: name! } } })) as Worklist,
  });
}

type Address = { street_address: string; postal_code: string; city: string };
type Occupation = { effective_date?: string; kind: string; detail?: string | null; planned?: boolean };
export type Registration = components["schemas"]["Registration"];
export type Person = components["schemas"]["PersonSummary"] & {
  contact: { phone: string; email: string } | null;
  address: Address | null;
  municipality_code: string;
  birth_date: string;
  coordination_number: boolean;
  occupation: Occupation;
  occupation_label?: string;
  planned_occupation: Occupation | null;
  planned_occupation_label?: string;
  registrations: Registration[];
};

export function usePerson(id: number) {
  return useQuery({
    queryKey: ["persons", id],
    queryFn: async () =>
      unwrap(await client.GET("/api/v1/persons/{id}", { params: { path: { id } } })) as unknown as Person,
  });
}

export type ContactAttempt = {
  id: number;
  registration_id: number | null;
  data: components["schemas"]["ContactAttempt"];
  labels: { channel?: string; occupation?: string; occupation_detail?: string };
};

export function useContactAttempts(id: number) {
  return useQuery({
    queryKey: ["persons", id, "contact-attempts"],
    queryFn: async () => {
      const body = unwrap(await client.GET("/api/v1/persons/{id}/contact-attempts", { params: { path: { id } } }));
      return (body.items ?? []) as unknown as ContactAttempt[];
    },
  });
}

export function isProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}
