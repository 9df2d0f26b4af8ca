import { z } from "zod";

// Every setting Sightline reads from the environment, parsed once. Anything outside this file
// that wants configuration imports `env` (or calls `parseEnv` in a script), never process.env.

const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
  .transform((v) => v === "1" || v === "true");

const days = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(3650, "must be at most 3650 days")
    .default(fallback);

const port = (fallback: number, lowest = 1) =>
  z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(lowest, `must be between ${lowest} and 65535`)
    .max(65535, `must be between ${lowest} and 65535`)
    .default(fallback);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
  .refine((v) => URL.canParse(v), "is not a valid URL");

export const envSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional(),
  /**
   * A streaming replica of DATABASE_URL's database: the read-only API routes (lib/db/client.ts,
   * getReadPool) query it, everything that writes stays on DATABASE_URL. Unset: all on DATABASE_URL.
   */
  DATABASE_READ_URL: postgresUrl.optional(),
  SIGHTLINE_DATA_DIR: z.string().min(1).default(".sightline"),
  SIGHTLINE_INGEST_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  SIGHTLINE_DEMO: flag.optional(),
  /** Render every page once right after start, so the first visitor does not wait for the server's first run of it (scripts/warm-up-pages.ts). */
  SIGHTLINE_WARM_UP: flag.default(true),
  /** 0 picks any free port; a taken port falls back to a free one too. */
  SIGHTLINE_EMBEDDED_DB_PORT: port(54329, 0),
  SIGHTLINE_RETENTION_SPANS_DAYS: days(7),
  SIGHTLINE_RETENTION_METRICS_DAYS: days(30),
  SIGHTLINE_RETENTION_LOGS_DAYS: days(7),
  SIGHTLINE_RETENTION_AUDIT_DAYS: days(90),
  SIGHTLINE_RETENTION_LOCKS_DAYS: days(30),
  /** Set by `npm start` for the web server when it started the embedded database itself. */
  SIGHTLINE_DB_EMBEDDED: flag.default(false),
  /** Threads that decode OTLP traces off the HTTP event loop; 0 decodes in it (lib/ingest/worker/). Unset: one per core beyond the first, at least 1, at most 4. */
  SIGHTLINE_INGEST_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  SIGHTLINE_PARTITION_DAYS_AHEAD: z.coerce.number().int().min(1).max(30).default(3),
  /**
   * Run as root, the embedded PostgreSQL runs as the `postgres` user; what that user cannot reach
   * where it is (binaries under node_modules, data under SIGHTLINE_DATA_DIR) is kept here.
   */
  SIGHTLINE_EMBEDDED_DB_HOME: z.string().min(1).default("/var/lib/sightline"),
  /** An admin API token from the environment, accepted besides stored tokens (like SIGHTLINE_INGEST_KEY). */
  SIGHTLINE_API_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** With SIGHTLINE_ADMIN_PASSWORD: this admin is created, or its password reset, at every start. */
  SIGHTLINE_ADMIN_EMAIL: z.email("must be an e-mail address").optional(),
  SIGHTLINE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(256, "must be at most 256 characters").optional(),
  SIGHTLINE_SESSION_HOURS: z.coerce.number({ error: "must be a whole number of hours" }).int("must be a whole number of hours").min(1, "must be at least 1 hour").max(8760, "must be at most 8760 hours").default(168),
  SIGHTLINE_OIDC_ISSUER: z.url({ error: "must be a URL" }).optional(),
  SIGHTLINE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  SIGHTLINE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The label of the sign-in button for OIDC, e.g. "Sign in with Okta". */
  SIGHTLINE_OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  /** Where users reach Sightline: alert notifications link to its pages with this origin. */
  SIGHTLINE_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http or https URL" }).optional(),
  /** Alert e-mail goes through this server: smtp://user:pass@host:port or smtps://… */
  SIGHTLINE_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  SIGHTLINE_SMTP_FROM: z.string().min(3).max(320).default("Sightline <sightline@localhost>"),
}).superRefine((value, context) => {
  if (!!value.SIGHTLINE_ADMIN_EMAIL !== !!value.SIGHTLINE_ADMIN_PASSWORD) {
    const missing = value.SIGHTLINE_ADMIN_EMAIL ? "SIGHTLINE_ADMIN_PASSWORD" : "SIGHTLINE_ADMIN_EMAIL";
    context.addIssue({ code: "custom", path: [missing], message: "must be set too: SIGHTLINE_ADMIN_EMAIL and SIGHTLINE_ADMIN_PASSWORD go together" });
  }
  if (value.SIGHTLINE_OIDC_ISSUER && !(value.SIGHTLINE_OIDC_CLIENT_ID && value.SIGHTLINE_OIDC_CLIENT_SECRET)) {
    context.addIssue({ code: "custom", path: ["SIGHTLINE_OIDC_CLIENT_ID"], message: "and SIGHTLINE_OIDC_CLIENT_SECRET must be set with SIGHTLINE_OIDC_ISSUER" });
  }
});

export type Env = z.infer<typeof envSchema>;

/** The origin links in notifications use: SIGHTLINE_PUBLIC_URL, else this machine's port. */
export function publicBaseUrl(env: Pick<Env, "SIGHTLINE_PUBLIC_URL" | "PORT">): string {
  return (env.SIGHTLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** Thrown with one line per bad variable, so start-up can print it and exit without a stack. */
export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set": shells and .env files often leave `X=` behind.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`);
  throw new EnvError(`Bad configuration: ${lines.join("; ")}`);
}

/** Retention in days for each kind of telemetry (see lib/db/telemetry-tables.ts). */
export function retentionDays(env: Env) {
  return {
    spans: env.SIGHTLINE_RETENTION_SPANS_DAYS,
    metrics: env.SIGHTLINE_RETENTION_METRICS_DAYS,
    logs: env.SIGHTLINE_RETENTION_LOGS_DAYS,
    audit: env.SIGHTLINE_RETENTION_AUDIT_DAYS,
    locks: env.SIGHTLINE_RETENTION_LOCKS_DAYS,
    // RED panels over long ranges read rollups, so they live as long as the longer of spans and metrics.
    rollups: Math.max(env.SIGHTLINE_RETENTION_SPANS_DAYS, env.SIGHTLINE_RETENTION_METRICS_DAYS),
  };
}
