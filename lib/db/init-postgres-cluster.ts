import { spawn } from "node:child_process";
import { chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { lastProblem, type PostgresServerConfig } from "./launch-postgres";

// A new, empty PostgreSQL data directory (initdb): UTF-8, English server messages, and one
// superuser with a password (SCRAM), handed to initdb through a file only its user can read.

export async function initPostgresCluster(config: PostgresServerConfig, superuser: { name: string; password: string }): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sightline-initdb-"));
  const passwordFile = path.join(dir, "password");
  try {
    await writeFile(passwordFile, superuser.password + "\n", { mode: 0o600 });
    if (config.user) {
      await chown(dir, config.user.uid, config.user.gid);
      await chown(passwordFile, config.user.uid, config.user.gid);
    }
    const args = [`--pgdata=${config.pgData}`, "--auth=scram-sha-256", `--username=${superuser.name}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--lc-messages=C"];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(config.binaries.initdb, args, {
        uid: config.user?.uid,
        gid: config.user?.gid,
        cwd: "/",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
      });
      const output: string[] = [];
      const collect = (chunk: Buffer) => {
        config.onLog(chunk.toString("utf8"));
        output.push(...chunk.toString("utf8").trim().split("\n"));
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.once("error", (error: NodeJS.ErrnoException) => {
        reject(new Error(error.code === "EACCES" ? `${config.user?.name ?? "this user"} may not run ${config.binaries.initdb}` : error.message));
      });
      child.once("close", (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(lastProblem(output) ?? `initdb exited (${signal ?? `code ${code}`})`));
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
