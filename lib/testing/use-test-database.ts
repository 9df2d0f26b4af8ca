import { inject } from "vitest";
import { createScratchDatabase } from "./scratch-database";
import { TEST_API_TOKEN } from "./test-auth";
import { TEST_INGEST_KEY } from "./test-ingest-key";

// Runs before each integration test file: a fresh copy of the migrated template database for
// this file alone, named in DATABASE_URL before any server module reads the environment.

const template = inject("templateDatabase");
const database = await createScratchDatabase(inject("adminUrl"), template, { template });
process.env.DATABASE_URL = database.url;
process.env.SIGHTLINE_INGEST_KEY = TEST_INGEST_KEY;
process.env.SIGHTLINE_API_TOKEN = TEST_API_TOKEN;
