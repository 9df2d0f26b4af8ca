import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { controlFileIn, startDemoControl } from "./demo-control";
import type { ScenarioName, ScenarioOutcome } from "./scenarios/scenario";

// `npm run demo -- --scenario NAME` as a person runs it (the real CLI in a child process),
// against the control door `npm start` opens: the scenario runs in the process that opened
// it, and without a running demo the CLI says so in one line and exits 1.

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sightline-demo-cli-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runCli(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "agents/demo-shop/cli.ts", ...args], {
      env: { ...process.env, SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_INGEST_KEY: "exported-for-other-tools", DEMO_SHOP_DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run demo -- --scenario NAME", { timeout: 60_000 }, () => {
  it("runs the scenario in the running demo and prints its summary and traces", async () => {
    const dataDir = tempDir();
    const asked: ScenarioName[] = [];
    const trigger = (name: ScenarioName): Promise<ScenarioOutcome> => {
      asked.push(name);
      return Promise.resolve({ scenario: name, traceIds: ["0af7651916cd43dd8448eb211c80319c"], orderIds: ["42"], summary: "order 42 got its payment callback twice" });
    };
    const control = await startDemoControl(dataDir, trigger);
    try {
      expect(statSync(controlFileIn(dataDir)).mode & 0o777).toBe(0o600);
      const run = await runCli(dataDir, "--scenario", "duplicate-callback");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(asked).toEqual(["duplicate-callback"]);
      expect(run.stdout).toContain("duplicate-callback: order 42 got its payment callback twice");
      expect(run.stdout).toMatch(/traces: 0af7651916cd43dd8448eb211c80319c\n/);
    } finally {
      await control.stop();
    }
    // Stopping removes the file: the next run knows there is no demo rather than knocking.
    const after = await runCli(dataDir, "--scenario", "deadlock");
    expect(after.code).toBe(1);
    expect(after.stderr.trim()).toBe(`no running demo: start Sightline with \`npm start\` first (nothing there, looked in ${controlFileIn(dataDir)})`);
  });

  it("passes the demo's failure on as one line and exit 1", async () => {
    const dataDir = tempDir();
    const control = await startDemoControl(dataDir, () => Promise.reject(new Error("deadlock: no deadlock happened within 20 s")));
    try {
      const run = await runCli(dataDir, "--scenario", "deadlock");
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe("[demo-shop] deadlock: no deadlock happened within 20 s");
    } finally {
      await control.stop();
    }
  });

  it("refuses a caller without the token", async () => {
    const dataDir = tempDir();
    const control = await startDemoControl(dataDir, () => Promise.reject(new Error("must not run")));
    try {
      const { port } = JSON.parse(readFileSync(controlFileIn(dataDir), "utf8")) as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/scenarios/deadlock`, { method: "POST", headers: { authorization: "Bearer guessed" } });
      expect(response.status).toBe(401);
    } finally {
      await control.stop();
    }
  });

  it("says in one line that no demo runs: no file, a file left by an ended process, nothing listening", async () => {
    const none = await runCli(tempDir(), "--scenario", "payment-timeout");
    expect(none.code).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr.trim().split("\n")).toHaveLength(1);
    expect(none.stderr).toMatch(/^no running demo: start Sightline with `npm start` first \(nothing there, looked in .*demo-control\.json\)/);

    const stale = tempDir();
    writeFileSync(controlFileIn(stale), JSON.stringify({ port: 9, token: "t", pid: 2 ** 22 + 7 }));
    const ended = await runCli(stale, "--scenario", "payment-timeout");
    expect(ended.code).toBe(1);
    expect(ended.stderr.trim()).toMatch(/^no running demo: .*left by process \d+, which has ended/);

    // The file names a live process (this one) but the port is closed: refused, said plainly.
    const closed = tempDir();
    const control = await startDemoControl(closed, () => Promise.reject(new Error("unused")));
    const file = JSON.parse(readFileSync(controlFileIn(closed), "utf8")) as object;
    await control.stop();
    writeFileSync(controlFileIn(closed), JSON.stringify(file));
    const refused = await runCli(closed, "--scenario", "payment-timeout");
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toMatch(/ECONNREFUSED|\n\s+at /);
    expect(refused.stderr.trim()).toMatch(/^no running demo: .*nothing listens on 127\.0\.0\.1:\d+/);
  });
});
