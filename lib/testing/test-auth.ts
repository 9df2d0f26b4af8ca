import { NextRequest } from "next/server";

/** The admin API token every integration test's server modules accept (SIGHTLINE_API_TOKEN, set before they load). */
export const TEST_API_TOKEN = "integration-test-admin-api-token-0123456789";

/** Headers that authenticate a test request to `/api/v1/*` as an admin. */
export const adminAuthHeaders = { authorization: `Bearer ${TEST_API_TOKEN}` } as const;

/** A request to a route handler, as the test admin: what most route tests want. */
export function adminRequest(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(`http://localhost${path}`, { ...init, headers: { ...adminAuthHeaders, ...init.headers } });
}
