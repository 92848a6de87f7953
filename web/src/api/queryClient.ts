// The one QueryClient. A 401 on any read means the session ended (idle or logged out elsewhere): the
// UI forgets the user and the router sends them to the login, which brings them back afterwards.
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiProblem } from "./client";
import { sessionKey } from "./queries";

export function makeQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiProblem && error.status === 401 && query.queryKey[0] !== sessionKey[0])
          queryClient.setQueryData(sessionKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal or a missing page does not change by asking again; a network error might.
        retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
