import { inject } from "vitest";

// Runs before each integration test file: server modules read DATABASE_URL when first used.
process.env.DATABASE_URL = inject("databaseUrl");
