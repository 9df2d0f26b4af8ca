import { QueryClient } from "@tanstack/react-query";
import { FetchJsonError } from "./fetch-json";

/**
 * Retry what a retry can fix (no answer, 5xx) twice; never a 4xx or a response the schema
 * rejects, which would only delay the message the user needs to see.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof FetchJsonError)) return true;
  if (error.kind === "network") return true;
  return error.status !== null && error.status >= 500 && error.kind !== "invalid_response";
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The window is explicit and auto-refresh is the user's choice; refetching on every tab
        // focus would move numbers under a reader who is comparing them.
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        retry: shouldRetryQuery,
      },
    },
  });
}
