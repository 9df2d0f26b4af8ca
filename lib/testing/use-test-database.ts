import { inject } from "vitest";
import { TEST_INGEST_KEY } from "./test-ingest-key";

// Runs before each integration test file, before any server module reads the environment.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.SIGHTLINE_INGEST_KEY = TEST_INGEST_KEY;
