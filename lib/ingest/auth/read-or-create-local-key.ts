import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createIngestKeySecret } from "./hash-ingest-key";

/**
 * Zero setup still means authenticated ingest: when SIGHTLINE_INGEST_KEY is not set, `npm start`
 * uses a key kept in <dataDir>/ingest-key (made on first start, readable by its owner only), and
 * hands it to the server and to the demo and db agents it starts.
 */
export function readOrCreateLocalIngestKey(dataDir: string): { key: string; file: string } {
  const file = path.resolve(dataDir, "ingest-key");
  if (existsSync(file)) {
    const key = readFileSync(file, "utf8").trim();
    if (key.length >= 16) return { key, file };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = createIngestKeySecret();
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return { key, file };
}
