import { readFileSync } from "node:fs";
import pg from "pg";
import { mergeConfigInput, parseCliArgs, USAGE } from "./cli-args";
import { ConfigError, expandEnv, parseAgentConfig, type AgentConfig } from "./config";
import { installAudit } from "./install-triggers";
import { runDbAgent } from "./start-db-agent";
import { uninstallAudit } from "./uninstall-audit";

// `npm run agent:db -- [options]`: run the agent until Ctrl-C / SIGTERM, or install / uninstall
// the audit triggers and exit. Problems are printed as one readable message, without a stack.

const print = (line: string) => console.log(`[sightline-db-agent] ${line}`);

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2), process.env);
  if (args.command === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = args.configPath ? readConfigFile(args.configPath) : {};
  // Install and uninstall talk to the databases only; they need no Sightline settings.
  const needsSightline = args.command === "run";
  const input = mergeConfigInput(file, needsSightline ? args.input : { sightlineUrl: "http://unused", ingestKey: "unused", ...args.input });
  const config = parseAgentConfig(input);

  if (args.command === "install") return forEachDatabase(config, "install", async (client, db) => {
    // With no tables the wanted state would be "no triggers": that is what --uninstall is for.
    if (db.tables.length === 0) return print(`${db.name}: no tables given (--table), nothing to install`);
    const report = await installAudit(client, db.tables, { queryText: db.queryText, statementMaxLength: config.statementMaxLength });
    print(`${db.name}: schema ${report.schema}; triggers added ${list(report.created)}, updated ${list(report.updated)}, removed ${list(report.removed)}, unchanged ${list(report.unchanged)}`);
  });
  if (args.command === "uninstall") return forEachDatabase(config, "uninstall", async (client, db) => {
    const report = await uninstallAudit(client, { force: args.force });
    if (!report.installed) print(`${db.name}: nothing to remove (no sightline_audit schema)`);
    else print(`${db.name}: removed triggers from ${list(report.removedTriggers)} and the sightline_audit schema${report.discardedChanges ? `; ${report.discardedChanges} unshipped changes discarded` : ""}`);
  });

  print(`shipping to ${config.sightlineUrl} every ${config.intervalMs} ms: ${config.databases.map((d) => `${d.name} (${d.tables.length} audited tables)`).join(", ")}`);
  const agent = runDbAgent(config);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      print(`${signal}: stopping`);
      resolve();
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  await agent.stop();
  return 0;
}

function readConfigFile(file: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`cannot read the config file ${file}: ${(error as Error).message}`);
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new ConfigError(`${file} must hold a JSON object`);
  return expandEnv(json, process.env) as Record<string, unknown>;
}

async function forEachDatabase(config: AgentConfig, verb: string, work: (client: pg.Client, db: AgentConfig["databases"][number]) => Promise<void>): Promise<number> {
  let failed = 0;
  for (const db of config.databases) {
    const client = new pg.Client({ connectionString: db.url, application_name: "sightline-db-agent" });
    try {
      await client.connect();
      await work(client, db);
    } catch (error) {
      failed++;
      print(`${db.name}: ${verb} failed: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  return failed ? 1 : 0;
}

const list = (items: string[]) => (items.length ? items.join(", ") : "none");

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `[sightline-db-agent] ${error.message}` : error);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
