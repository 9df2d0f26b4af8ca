import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, copyFile, link, lstat, mkdir, readdir, readlink, rename, rm, stat, symlink } from "node:fs/promises";
import path from "node:path";
import type { PostgresBinaries } from "./locate-postgres-binaries";
import type { PostgresUser } from "./resolve-postgres-user";

// Run as root, the embedded PostgreSQL runs as the `postgres` user, which must be able to reach
// both its binaries (under node_modules) and its data directory (under SIGHTLINE_DATA_DIR). A
// clone under /root (mode 700) or in a `mktemp -d` folder closes both to it. Rather than opening
// the user's directories, what `postgres` must reach is placed under `home` (default
// /var/lib/sightline, every user may enter it):
// - the binaries: a copy per package version (hard links where the file system allows);
// - the data: a directory of its own, linked from <dataDir>/pgdata, so the next start finds the
//   same data through that link (and the user sees where it lives).
// When even that cannot work, start-up stops with one line saying why and what to do.

export interface Placement {
  binaries: PostgresBinaries;
  /** The real path of the data directory, as PostgreSQL is given it. */
  pgData: string;
}

export async function placeForPostgresUser(options: {
  user: PostgresUser;
  binaries: PostgresBinaries;
  dataDir: string;
  home: string;
  log: (line: string) => void;
}): Promise<Placement> {
  const { user, dataDir, log } = options;
  // The data directory itself holds credentials.json and the ingest key (both 0600): opening it
  // for traversal lets postgres reach pgdata without exposing them.
  await chmod(dataDir, 0o755);
  const pgData = await placeData(options);
  let binaries = options.binaries;
  if (!canReach(user, binaries.postgres)) {
    binaries = await copyBinaries(options);
    log(`the postgres user cannot reach ${options.binaries.root}; using a copy of the PostgreSQL binaries in ${binaries.root}`);
  }
  if (!existsSync(pgData)) await makeOwnedDirectory(pgData, user);
  return { binaries, pgData };
}

async function placeData({ user, dataDir, home, log }: { user: PostgresUser; dataDir: string; home: string; log: (line: string) => void }): Promise<string> {
  const linkPath = path.join(dataDir, "pgdata");
  const existing = await lstat(linkPath).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    const target = path.resolve(dataDir, await readlink(linkPath));
    // Missing, not merely empty: an empty one is from a first start that stopped before initdb.
    if (!existsSync(target)) {
      throw new Error(`${linkPath} points to ${target}, which is missing; restore that directory, or remove the link to start with an empty database`);
    }
    return target;
  }
  if (canReach(user, dataDir)) return linkPath;
  if (existing) {
    throw new Error(`the postgres user cannot reach the PostgreSQL data in ${linkPath} (a directory above it is closed to other users); move ${dataDir} to a directory every user can enter and point SIGHTLINE_DATA_DIR at it, or set DATABASE_URL`);
  }
  await ensureHome(user, home);
  const slug = path.basename(path.dirname(dataDir)).replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 40) || "sightline";
  const own = path.join(home, `data-${slug}-${randomBytes(4).toString("hex")}`);
  await mkdir(own, { mode: 0o755 });
  const target = path.join(own, "pgdata");
  await makeOwnedDirectory(target, user);
  await symlink(target, linkPath);
  log(`the postgres user cannot reach ${dataDir}; PostgreSQL's data is kept in ${target} (linked from ${linkPath})`);
  return target;
}

async function ensureHome(user: PostgresUser, home: string) {
  await mkdir(home, { recursive: true, mode: 0o755 }).catch((error: unknown) => {
    throw new Error(`cannot create ${home} for the embedded PostgreSQL (${(error as Error).message}); set SIGHTLINE_EMBEDDED_DB_HOME to a directory every user can enter, or set DATABASE_URL`);
  });
  if (!canReach(user, home)) {
    throw new Error(`the postgres user cannot enter ${home} either; set SIGHTLINE_EMBEDDED_DB_HOME to a directory every user can enter, or set DATABASE_URL`);
  }
}

async function copyBinaries({ user, binaries, home }: { user: PostgresUser; binaries: PostgresBinaries; home: string }): Promise<PostgresBinaries> {
  await ensureHome(user, home);
  const root = path.join(home, `postgres-${binaries.version}-${process.platform}-${process.arch}`);
  const placed = { ...binaries, root, postgres: path.join(root, "bin", "postgres"), initdb: path.join(root, "bin", "initdb") };
  if (existsSync(placed.postgres) && existsSync(placed.initdb)) return placed;
  // Copied under a temporary name and renamed, so a start interrupted mid-copy never leaves a
  // half tree that the next start would take for a whole one.
  const partial = `${root}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await copyTree(binaries.root, partial);
  await rm(root, { recursive: true, force: true });
  await rename(partial, root);
  if (!canReach(user, placed.postgres)) throw new Error(`the postgres user cannot run ${placed.postgres}; set SIGHTLINE_EMBEDDED_DB_HOME to a directory every user can enter, or set DATABASE_URL`);
  return placed;
}

/** Directories 0755, symbolic links as they are, files hard-linked (same file system) or copied with their mode. */
async function copyTree(from: string, to: string) {
  await mkdir(to, { mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      await link(source, target).catch(async () => {
        await copyFile(source, target);
        await chmod(target, (await stat(source)).mode);
      });
    }
  }
}

async function makeOwnedDirectory(dir: string, user: PostgresUser) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chown(dir, user.uid, user.gid);
  await chmod(dir, 0o700);
}

/** Whether `user` can reach (search, or execute) `target`: asked of the system as that user. */
export function canReach(user: PostgresUser, target: string): boolean {
  const result = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], { uid: user.uid, gid: user.gid, cwd: "/", stdio: "ignore" });
  return result.status === 0;
}
