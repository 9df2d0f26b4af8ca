import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readOrCreateLocalIngestKey } from "./read-or-create-local-key";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sightline-local-key-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("readOrCreateLocalIngestKey", () => {
  it("makes a key once, readable by its owner only, and returns the same key on every later call", () => {
    const dir = tempDir();
    const first = readOrCreateLocalIngestKey(dir);
    expect(first.key.length).toBeGreaterThanOrEqual(16);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(readOrCreateLocalIngestKey(dir).key).toBe(first.key);
    expect(readFileSync(first.file, "utf8").trim()).toBe(first.key);
  });

  it("keeps the key already on file when another replica linked it first", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "ingest-key"), "key-of-the-first-replica-000\n", { mode: 0o600 });
    expect(readOrCreateLocalIngestKey(dir).key).toBe("key-of-the-first-replica-000");
  });

  it("replaces a short or empty leftover, and leaves no temporary file", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "ingest-key"), "short\n");
    const { key, file } = readOrCreateLocalIngestKey(dir);
    expect(key).not.toBe("short");
    expect(readFileSync(file, "utf8").trim()).toBe(key);
    expect(readFileSync(file, "utf8")).not.toContain("short");
    expect(readdirSync(dir)).toEqual(["ingest-key"]);
  });
});
