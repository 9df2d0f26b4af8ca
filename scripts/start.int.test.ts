import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { findFreePort } from "../lib/net/find-free-port";

// Bad configuration stops `npm start` with one line saying what to fix — no stack trace, and
// before any build or database work that would hide it.

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "", SIGHTLINE_DATA_DIR: "/tmp/sightline-start-test-unused", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

describe("npm start with bad configuration", () => {
  it("names a bad retention value", async () => {
    const { code, stderr } = await start({ SIGHTLINE_RETENTION_SPANS_DAYS: "0" });
    expect(code).toBe(1);
    expect(stderr).toBe('[sightline] cannot start: Bad configuration: SIGHTLINE_RETENTION_SPANS_DAYS must be at least 1 day (got "0")');
  });

  it("names an unreachable DATABASE_URL without its password", async () => {
    const { code, stderr } = await start({ DATABASE_URL: "postgresql://user:secret@127.0.0.1:9/nowhere", PORT: "39117" });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^\[sightline\] cannot start: cannot connect to DATABASE_URL \(127\.0\.0\.1:9\/nowhere\): .*ECONNREFUSED/);
    expect(stderr).not.toContain("secret");
  });

  it("names a port in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const { code, stderr } = await start({ PORT: String(port) });
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toBe(`[sightline] cannot start: port ${port} is in use: stop whatever listens there or set PORT to a free port`);
  });
});

// Ctrl-C in a terminal signals the whole foreground process group: this script, and every child
// that shares the group. The demo shop and the db agent must stop before the database (else they
// print "terminating connection due to administrator command"), the pid file must go, and the
// last line must say Sightline stopped. `--dev` (next dev) spares a production build here.
describe("npm start stopped with Ctrl-C", () => {
  it("stops the demo, the web server and the database in that order and says so last", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-ctrl-c-"));
    const port = await findFreePort();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--dev"], {
      env: { ...process.env, DATABASE_URL: "", SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_DEMO: "1", SIGHTLINE_EMBEDDED_DB_PORT: "0", PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // a process group of its own, as a terminal's foreground job has
    });
    let output = "";
    // `next dev` rewrites tsconfig.json (its own formatting, one more include); the test must not.
    const tsconfig = readFileSync("tsconfig.json", "utf8");
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await waitForOutput(() => output, /demo shop and db agent running/, 180_000);
      await waitForOutput(() => output, /POST \/api\/v1\/ingest\/audit 200/, 60_000); // the agent has shipped audit rows
      process.kill(-child.pid!, "SIGINT");
      const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("still running"), 60_000))]);
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) {
        // Its database and web server have process groups of their own: an orderly stop ends them too.
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
        if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      }
      writeFileSync("tsconfig.json", tsconfig);
      onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    }
    const lines = output.split("\n").map((line) => line.trim()).filter(Boolean);
    expect(lines.at(-1)).toBe("[sightline] stopped");
    expect(output).not.toMatch(/terminating connection|administrator command/);
    expect(lines.indexOf("[sightline] demo shop: stopped")).toBeLessThan(lines.indexOf("[sightline] embedded PostgreSQL stopped"));
    expect(existsSync(path.join(dataDir, "sightline.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "pgdata", "postmaster.pid"))).toBe(false);
  }, 300_000);
});

async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number) {
  for (const deadline = Date.now() + timeoutMs; !pattern.test(read()); await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs / 1000} s; output:\n${read()}`);
  }
}
