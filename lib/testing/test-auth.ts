/** The admin API token every integration test's server modules accept (SIGHTLINE_API_TOKEN, set before they load). */
export const TEST_API_TOKEN = "integration-test-admin-api-token-0123456789";

/** Headers that authenticate a test request to `/api/v1/*` as an admin. */
export const adminAuthHeaders = { authorization: `Bearer ${TEST_API_TOKEN}` } as const;
