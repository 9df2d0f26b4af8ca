import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, writeOwnerPid } from "./embedded-postgres";

// The zero-setup database keeps its data across starts and recovers from a run that was killed
// without a chance to stop it (SIGKILL leaves postgres running and its lock file behind).

const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const postmasters = () => {
  try {
    return execFileSync("pgrep", ["-f", `postgres -D ${path.join(dataDir, "pgdata")}`]).toString().trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps its data from one start to the next and leaves no process after stop", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    await query(first.url, "CREATE TABLE marker (note text); INSERT INTO marker VALUES ('kept')");
    await first.stop();
    expect(postmasters()).toEqual([]);
    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    expect(await query(second.url, "SELECT note FROM marker")).toEqual([{ note: "kept" }]);
    expect((await query(second.url, "SHOW server_version_num"))[0].server_version_num >= "180000").toBe(true);
    await second.stop();
  });

  it("takes over after its owner was killed with SIGKILL", async () => {
    const script = path.join(dataDir, "owner.mts");
    writeFileSync(
      script,
      `import { startEmbeddedPostgres, writeOwnerPid } from ${JSON.stringify(path.resolve("lib/db/embedded-postgres.ts"))};
       await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: 0 });
       await writeOwnerPid(${JSON.stringify(dataDir)});
       console.log("ready");
       setInterval(() => {}, 1000);`,
    );
    const owner = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => owner.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
    // Only the owner dies: its postgres lives on, orphaned, holding the data directory.
    process.kill(owner.pid!, "SIGKILL");
    await new Promise((resolve) => owner.once("exit", resolve));
    const survivor = postmasters();
    expect(survivor).toHaveLength(1);

    const recovered = await startEmbeddedPostgres({ dataDir, port: 0 });
    await writeOwnerPid(dataDir);
    expect(await query(recovered.url, "SELECT note FROM marker")).toEqual([{ note: "kept" }]);
    expect(postmasters()).toHaveLength(1);
    expect(postmasters()).not.toEqual(survivor);
    await recovered.stop();
    expect(postmasters()).toEqual([]);
  });
});
