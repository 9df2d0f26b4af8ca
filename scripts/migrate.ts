import { parseEnv } from "../lib/env";
import { prepareDatabase } from "../lib/db/prepare-database";

// `npm run db:migrate`: apply migrations and partition upkeep to DATABASE_URL, or to the
// embedded database when it is unset, then stop. `npm start` does the same on every start.

const log = (line: string) => console.log(`[sightline] ${line}`);
try {
  const database = await prepareDatabase(parseEnv(), log);
  log("database is up to date");
  await database.stop();
} catch (error) {
  console.error(`[sightline] migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
