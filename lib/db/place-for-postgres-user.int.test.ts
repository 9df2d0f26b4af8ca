import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { locatePostgresBinaries } from "./locate-postgres-binaries";
import { canReach, placeForPostgresUser } from "./place-for-postgres-user";
import { resolvePostgresUser } from "./resolve-postgres-user";

// Run as root from a directory other users cannot enter (a clone under /root, a `mktemp -d`
// folder), the embedded PostgreSQL, which runs as the `postgres` user, cannot reach its binaries
// under node_modules nor its data under .sightline. What it must reach is placed under a home
// it can enter, the data is found again on the next start, and where nothing can work start-up
// stops with one line. The situation exists only for root (as any other user PostgreSQL runs as
// that user and nothing is moved); Sightline's machines and CI run as root.

const isRoot = process.getuid?.() === 0;
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A directory only root may enter, like /root or a `mktemp -d` folder. */
function privateDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sightline-private-"));
  chmodSync(dir, 0o700);
  scratch.push(dir);
  return dir;
}

function openDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sightline-home-"));
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(isRoot)("as root, from a directory the postgres user cannot enter", () => {
  it("copies the binaries where the postgres user can run them", async () => {
    const user = (await resolvePostgresUser())!;
    const located = await locatePostgresBinaries();
    const project = privateDir();
    // The package's install tree as it would be inside a private clone's node_modules.
    const root = path.join(project, "native");
    execFileSync("cp", ["-al", located.root, root]);
    const hidden = { ...located, root, postgres: path.join(root, "bin", "postgres"), initdb: path.join(root, "bin", "initdb") };
    expect(canReach(user, hidden.postgres)).toBe(false);

    const home = openDir();
    const dataDir = path.join(project, ".sightline");
    mkdirSync(dataDir);
    const placed = await placeForPostgresUser({ user, binaries: hidden, dataDir, home, log: () => {} });
    expect(placed.binaries.root.startsWith(home)).toBe(true);
    const version = spawnSync(placed.binaries.postgres, ["--version"], { uid: user.uid, gid: user.gid, cwd: "/", encoding: "utf8" });
    expect(version.stdout).toMatch(/^postgres \(PostgreSQL\) 18/);
    // The same copy serves the next start.
    const again = await placeForPostgresUser({ user, binaries: hidden, dataDir, home, log: () => {} });
    expect(again.binaries.root).toBe(placed.binaries.root);
  });

  it("keeps the data under the home, linked from the data directory, and finds it again", async () => {
    const home = openDir();
    const dataDir = path.join(privateDir(), "project", ".sightline");
    const said: string[] = [];
    const first = await startEmbeddedPostgres({ dataDir, port: 0, home, log: (line) => said.push(line) });
    try {
      await query(first.url, "CREATE TABLE marker (note text); INSERT INTO marker VALUES ('kept')");
    } finally {
      await first.stop();
    }
    const link = path.join(dataDir, "pgdata");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link).startsWith(home)).toBe(true);
    expect(said).toContain(`the postgres user cannot reach ${dataDir}; PostgreSQL's data is kept in ${readlinkSync(link)} (linked from ${link})`);

    const second = await startEmbeddedPostgres({ dataDir, port: 0, home });
    try {
      expect(await query(second.url, "SELECT note FROM marker")).toEqual([{ note: "kept" }]);
    } finally {
      await second.stop();
    }
  });

  it("stops with one line saying what to do when the home is closed too", async () => {
    const project = privateDir();
    const start = startEmbeddedPostgres({ dataDir: path.join(project, ".sightline"), port: 0, home: path.join(project, "home") });
    await expect(start).rejects.toThrow(/^the postgres user cannot enter .*\/home either; set SIGHTLINE_EMBEDDED_DB_HOME to a directory every user can enter, or set DATABASE_URL$/);
  });
});

