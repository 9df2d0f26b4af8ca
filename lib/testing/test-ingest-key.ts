/** The ingest key every integration test's server modules accept (set before they load). */
export const TEST_INGEST_KEY = "integration-test-ingest-key-000";
