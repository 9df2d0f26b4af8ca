import { z } from "zod";

// The agent's configuration: a JSON file (`--config`) and/or flags, validated by one zod schema
// so both say what is wrong the same way. Tables are "orders" or "schema.orders"; per-table
// column options may also be given as "table.column" flags (`--mask payments.card_number:last4`).

export const QUERY_TEXT_MODES = ["full", "redacted", "none"] as const;
export type QueryTextMode = (typeof QUERY_TEXT_MODES)[number];

const identifier = z.string().trim().min(1).max(63, "must be at most 63 characters (PostgreSQL's identifier limit)");

/** `5s`, `500ms`, `2m` or a number of milliseconds. */
export function parseDurationMs(value: string | number): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : null;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim().toLowerCase());
  if (!match) return null;
  const ms = Number(match[1]) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] ?? "ms"]!;
  return ms > 0 ? Math.round(ms) : null;
}

const duration = (fallback: number, min: number) =>
  z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const ms = parseDurationMs(value);
      if (ms === null || ms < min) {
        ctx.addIssue({ code: "custom", message: `expected a duration of at least ${min} ms, like 5s, 500ms or 2m; got ${JSON.stringify(value)}` });
        return z.NEVER;
      }
      return ms;
    })
    .default(fallback);

/** `card_number` (fully masked) or `card_number:last4` (keeps the last 4 characters). */
const maskSpec = z.union([
  z.string().transform((text, ctx) => {
    const match = /^([^:]+?)(?::last(\d{1,2}))?$/.exec(text.trim());
    if (!match) {
      ctx.addIssue({ code: "custom", message: `expected column or column:lastN, got "${text}"` });
      return z.NEVER;
    }
    return { column: match[1]!, keepLast: Number(match[2] ?? 0) };
  }),
  z.object({ column: identifier, keepLast: z.number().int().min(0).max(16).default(0) }),
]);

/** "orders" or "public.orders". */
export function splitTableName(text: string): { schema: string; table: string } {
  const at = text.indexOf(".");
  return at < 0 ? { schema: "public", table: text } : { schema: text.slice(0, at), table: text.slice(at + 1) };
}

const tableSpec = z.union([
  z.string().transform((text) => ({ ...splitTableName(text.trim()), ignore: [] as string[], mask: [] as z.infer<typeof maskSpec>[] })),
  z
    .object({
      name: identifier.describe("table name, optionally schema-qualified"),
      schema: identifier.optional(),
      ignore: z.array(identifier).default([]).describe("columns that do not count as changes (e.g. updated_at)"),
      mask: z.array(maskSpec).default([]).describe("columns masked inside the database before anything leaves it"),
    })
    .transform(({ name, schema, ignore, mask }) => ({ ...(schema ? { schema, table: name } : splitTableName(name)), ignore, mask })),
]);

export type AuditTableConfig = z.infer<typeof tableSpec>;

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
  .refine((v) => URL.canParse(v), "is not a valid URL");

export const databaseConfigSchema = z
  .object({
    url: postgresUrl,
    name: z.string().min(1).max(200).optional().describe("how Sightline names this database; default: its name in the URL"),
    tables: z.array(tableSpec).default([]).describe("tables whose row changes are audited; none: no triggers are installed"),
    queryText: z
      .enum(QUERY_TEXT_MODES)
      .optional()
      .describe("statement and query texts shipped: full, redacted (literals → ?) or none; default redacted when any column is masked"),
    logFile: z.string().min(1).optional().describe("server log file (or directory of log files) to read deadlocks from"),
    metrics: z.boolean().default(true),
    locks: z.boolean().default(true),
  })
  .transform((db) => {
    const name = db.name ?? decodeURIComponent(new URL(db.url).pathname.slice(1) || "postgres");
    const masked = db.tables.some((t) => t.mask.length > 0);
    return { ...db, name, queryText: db.queryText ?? (masked ? "redacted" : "full") };
  });

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

export const agentConfigSchema = z
  .object({
    sightlineUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).describe("Sightline's base URL"),
    ingestKey: z.string().min(1, "is required (SIGHTLINE_INGEST_KEY or --ingest-key)"),
    databases: z.array(databaseConfigSchema).min(1, "name at least one database (--database or the config file)"),
    intervalMs: duration(5_000, 100).describe("how often the outbox is shipped, metrics exported and a status line printed"),
    lockIntervalMs: duration(1_000, 100).describe("how often pg_locks is sampled for waits"),
    batchSize: z.number().int().min(1).max(2_000).default(500),
    statementMaxLength: z.number().int().min(64).max(10_000).default(2_048),
    logFile: z.string().min(1).optional().describe("default server log for databases without their own logFile"),
    logBackfillBytes: z.number().int().min(0).default(1 << 20).describe("how much of an existing log is read at start (deadlocks while the agent was down)"),
  })
  .superRefine((config, ctx) => {
    const names = config.databases.map((d) => d.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["databases", i, "name"], message: `"${name}" is used twice; give each database its own name` });
    });
  })
  .transform((config) => ({
    ...config,
    sightlineUrl: config.sightlineUrl.replace(/\/+$/, ""),
    databases: config.databases.map((d) => ({ ...d, logFile: d.logFile ?? config.logFile })),
  }));

export type AgentConfigInput = z.input<typeof agentConfigSchema>;
export type AgentConfig = z.output<typeof agentConfigSchema>;

/** Thrown with every problem listed, for the CLI to print without a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseAgentConfig(input: unknown): AgentConfig {
  const result = agentConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "config"}: ${issue.message}`);
  throw new ConfigError(lines.join("\n"));
}

/**
 * `${NAME}` in a config file's strings is replaced by the environment variable NAME, so
 * connection strings with passwords and the ingest key can stay out of the file.
 */
export function expandEnv(value: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, name: string) => {
      const found = env[name];
      if (found === undefined) throw new ConfigError(`the config file refers to \${${name}}, which is not set in the environment`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item) => expandEnv(item, env));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandEnv(v, env)]));
  return value;
}
