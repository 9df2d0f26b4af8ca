import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` writes where its demo runs to <dataDir>/demo-shop.json (owner-readable only: the
// shop URL holds the embedded database's password), so that `npm run demo -- --scenario NAME`
// in the same directory needs no flags to inject a fault into the running demo.

export interface LocalDemoSettings {
  sightlineUrl: string;
  ingestKey: string;
  shopDatabaseUrl: string;
}

const fileIn = (dataDir: string) => path.resolve(dataDir, "demo-shop.json");

export function writeLocalDemoSettings(dataDir: string, settings: LocalDemoSettings) {
  writeFileSync(fileIn(dataDir), JSON.stringify(settings, null, 2) + "\n", { mode: 0o600 });
}

export function readLocalDemoSettings(dataDir: string): Partial<LocalDemoSettings> {
  const file = fileIn(dataDir);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Partial<LocalDemoSettings>;
  } catch {
    return {};
  }
}
