import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createIngestKeySecret } from "./hash-ingest-key";

/**
 * Zero setup still means authenticated ingest: when SIGHTLINE_INGEST_KEY is not set, `npm start`
 * uses a key kept in <dataDir>/ingest-key (made on first start, readable by its owner only), and
 * hands it to the server and to the demo and db agents it starts.
 */
export function readOrCreateLocalIngestKey(dataDir: string): { key: string; file: string } {
  const file = path.resolve(dataDir, "ingest-key");
  const kept = readKey(file);
  if (kept) return { key: kept, file };
  mkdirSync(path.dirname(file), { recursive: true });
  const key = createIngestKeySecret();
  // Replicas sharing a data directory may start together: the key is written aside and linked
  // into place, which fails if another got there first, so all of them end up with one key
  // (a plain write would let the last writer replace a key the first is already using).
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, key + "\n", { mode: 0o600 });
  try {
    if (existsSync(file) && readKey(file) === undefined) rmSync(file); // a short or empty leftover
    linkSync(aside, file);
    return { key, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { key: readKey(file) ?? key, file };
  } finally {
    rmSync(aside, { force: true });
  }
}

function readKey(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const key = readFileSync(file, "utf8").trim();
  return key.length >= 16 ? key : undefined;
}
