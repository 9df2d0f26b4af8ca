import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { signInPath } from "@/lib/auth/page-access";
import { FetchJsonError } from "./fetch-json";

/**
 * Retry what a retry can fix (no answer, 5xx) twice; never a 4xx or a response the schema
 * rejects, which would only delay the message the user needs to see.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof FetchJsonError)) return true;
  if (isSessionEnded(error)) return false;
  if (error.kind === "network") return true;
  return error.status !== null && error.status >= 500 && error.kind !== "invalid_response";
}

/** A 401 from the API means the session ended (expired, signed out elsewhere, deactivated). */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof FetchJsonError && error.status === 401;
}

/** Back to sign-in, and to this very page afterwards. */
function toSignIn(error: unknown) {
  if (!isSessionEnded(error) || typeof window === "undefined") return;
  window.location.assign(signInPath(`${window.location.pathname}${window.location.search}`));
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: toSignIn }),
    mutationCache: new MutationCache({ onError: toSignIn }),
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
