import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";

// Applies prisma/migrations/*.sql with node-pg-migrate (see prisma/README.md for why not
// `prisma migrate`). Idempotent: applied files are recorded in sightline_migrations. Several
// instances starting at once queue on node-pg-migrate's advisory lock ("wait" mode) instead
// of racing, and each file runs in one transaction, so a failed migration leaves nothing half done.

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export async function migrateDatabase(databaseUrl: string, log: (line: string) => void = () => {}) {
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    useGlob: false,
    migrationsTable: "sightline_migrations",
    direction: "up",
    count: Infinity,
    singleTransaction: true,
    checkOrder: true,
    advisoryLockMode: "wait",
    verbose: false,
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: (m: string) => log(m), error: (m: string) => log(m) },
  });
  return applied.map((migration) => migration.name);
}
