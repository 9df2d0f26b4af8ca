import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

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
