import { parseArgs } from "node:util";
import { ConfigError, splitTableName, type AgentConfigInput } from "./config";

// Command-line flags → the same input the config file gives, so both go through one schema.
// Flags describe databases that share one table list; per-database tables need the file.

export type Command = "run" | "install" | "uninstall" | "help";

export interface CliArgs {
  command: Command;
  force: boolean;
  configPath: string | undefined;
  /** Settings from flags and environment; merged over the config file's. */
  input: Partial<Omit<AgentConfigInput, "databases">> & { databases?: Record<string, unknown>[] };
}

export const USAGE = `Sightline PostgreSQL agent: row-level audit trail, database health metrics, lock waits and deadlocks.

Usage: npm run agent:db -- [options]

  --database <url>        monitored database (repeatable); postgresql://user:pass@host:port/db
  --name <name>           how Sightline names it (one --database only; default: the database name)
  --table <[schema.]t>    audit this table's INSERT/UPDATE/DELETE (repeatable)
  --ignore <table.col>    column that does not count as a change, e.g. orders.updated_at (repeatable)
  --mask <table.col[:lastN]>
                          column masked inside the database, e.g. payments.card_number:last4 (repeatable)
  --query-text <mode>     full | redacted | none: statement texts shipped (default: redacted when
                          anything is masked, else full)
  --log-file <path>       PostgreSQL server log (file or directory) to read deadlock cycles from
  --config <file.json>    settings file (see agents/db/README.md); \${VAR} in it reads the environment
  --sightline <url>       Sightline base URL (env SIGHTLINE_URL; default http://localhost:3000)
  --ingest-key <key>      ingest key (env SIGHTLINE_INGEST_KEY)
  --interval <dur>        ship/export/report interval (default 5s)
  --lock-interval <dur>   lock sampling interval (default 1s)
  --batch-size <n>        audit changes per request (default 500)
  --no-metrics            do not export health metrics
  --no-locks              do not report lock waits and deadlocks
  --install-only          install (or update) the audit triggers and exit
  --uninstall             remove the triggers and the sightline_audit schema and exit; refuses while
                          changes are not shipped yet unless --force
  -h, --help              this text
`;

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        database: { type: "string", multiple: true },
        name: { type: "string" },
        table: { type: "string", multiple: true },
        ignore: { type: "string", multiple: true },
        mask: { type: "string", multiple: true },
        "query-text": { type: "string" },
        "log-file": { type: "string" },
        config: { type: "string", short: "c" },
        sightline: { type: "string" },
        "ingest-key": { type: "string" },
        interval: { type: "string" },
        "lock-interval": { type: "string" },
        "batch-size": { type: "string" },
        "no-metrics": { type: "boolean" },
        "no-locks": { type: "boolean" },
        "install-only": { type: "boolean" },
        uninstall: { type: "boolean" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\nRun with --help for the options.`);
  }
  const v = parsed.values;
  const command: Command = v.help ? "help" : v.uninstall ? "uninstall" : v["install-only"] ? "install" : "run";
  if (v.uninstall && v["install-only"]) throw new ConfigError("--uninstall and --install-only exclude each other");

  const input: CliArgs["input"] = {};
  const sightlineUrl = v.sightline ?? env.SIGHTLINE_URL ?? (v.config ? undefined : `http://localhost:${env.PORT ?? 3000}`);
  if (sightlineUrl) input.sightlineUrl = sightlineUrl;
  const ingestKey = v["ingest-key"] ?? env.SIGHTLINE_INGEST_KEY;
  if (ingestKey) input.ingestKey = ingestKey;
  if (v.interval) input.intervalMs = v.interval;
  if (v["lock-interval"]) input.lockIntervalMs = v["lock-interval"];
  if (v["batch-size"]) input.batchSize = Number(v["batch-size"]);
  if (v["log-file"]) input.logFile = v["log-file"];

  const urls = v.database ?? [];
  if (v.name && urls.length !== 1) throw new ConfigError("--name needs exactly one --database");
  const perTableFlags = Boolean(v.table?.length || v.ignore?.length || v.mask?.length);
  if (perTableFlags && urls.length === 0) throw new ConfigError("--table, --ignore and --mask need a --database");
  if (urls.length > 0) {
    const tables = tablesFromFlags(v.table ?? [], v.ignore ?? [], v.mask ?? []);
    input.databases = urls.map((url) => ({
      url,
      ...(v.name ? { name: v.name } : {}),
      tables,
      ...(v["query-text"] ? { queryText: v["query-text"] } : {}),
      ...(v["no-metrics"] ? { metrics: false } : {}),
      ...(v["no-locks"] ? { locks: false } : {}),
    }));
  } else if (v["query-text"] || v["no-metrics"] || v["no-locks"]) {
    throw new ConfigError("--query-text, --no-metrics and --no-locks apply to --database flags; set them per database in the config file");
  }
  return { command, force: Boolean(v.force), configPath: v.config, input };
}

interface FlagTable {
  name: string;
  ignore: string[];
  mask: { column: string; keepLast: number }[];
}

function tablesFromFlags(tables: string[], ignores: string[], masks: string[]): FlagTable[] {
  const byKey = new Map<string, FlagTable>();
  for (const table of tables) {
    const { schema, table: name } = splitTableName(table.trim());
    byKey.set(`${schema}.${name}`, { name: `${schema}.${name}`, ignore: [], mask: [] });
  }
  const find = (flag: string, spec: string, ref: string) => {
    const { schema, table } = splitTableName(ref);
    const found = byKey.get(`${schema}.${table}`);
    if (!found) throw new ConfigError(`${flag} ${spec}: table ${ref} is not given with --table`);
    return found;
  };
  for (const spec of ignores) {
    const { ref, column } = splitColumn("--ignore", spec);
    find("--ignore", spec, ref).ignore.push(column);
  }
  for (const spec of masks) {
    const match = /^(.*?)(?::last(\d{1,2}))?$/.exec(spec.trim())!;
    const { ref, column } = splitColumn("--mask", match[1]!);
    find("--mask", spec, ref).mask.push({ column, keepLast: Number(match[2] ?? 0) });
  }
  return [...byKey.values()];
}

function splitColumn(flag: string, spec: string): { ref: string; column: string } {
  const at = spec.lastIndexOf(".");
  if (at <= 0 || at === spec.length - 1) throw new ConfigError(`${flag} ${spec}: expected table.column`);
  return { ref: spec.slice(0, at), column: spec.slice(at + 1) };
}

/** The config file's settings with the flags' on top; databases from both are kept. */
export function mergeConfigInput(file: Record<string, unknown>, flags: CliArgs["input"]): Record<string, unknown> {
  const fileDatabases: unknown[] = Array.isArray(file.databases) ? (file.databases as unknown[]) : [];
  return { ...file, ...flags, databases: [...fileDatabases, ...(flags.databases ?? [])] };
}
