import { describe, expect, it } from "vitest";
import { mergeConfigInput, parseCliArgs } from "./cli-args";
import { ConfigError, expandEnv, parseAgentConfig, parseDurationMs } from "./config";

const base = { sightlineUrl: "http://localhost:3000/", ingestKey: "key-1234567890abcdef" };

describe("parseAgentConfig", () => {
  it("fills defaults and names databases after their URL", () => {
    const config = parseAgentConfig({ ...base, databases: [{ url: "postgresql://app:secret@db.internal:5433/shop", tables: ["orders", "billing.payments"] }] });
    expect(config.sightlineUrl).toBe("http://localhost:3000");
    expect(config).toMatchObject({ intervalMs: 5_000, lockIntervalMs: 1_000, batchSize: 500, statementMaxLength: 2_048 });
    expect(config.databases[0]).toMatchObject({
      name: "shop",
      queryText: "full",
      metrics: true,
      locks: true,
      tables: [
        { schema: "public", table: "orders", ignore: [], mask: [] },
        { schema: "billing", table: "payments", ignore: [], mask: [] },
      ],
    });
  });

  it("reads per-table options and redacts query text by default once something is masked", () => {
    const config = parseAgentConfig({
      ...base,
      intervalMs: "2s",
      databases: [{ url: "postgres://localhost/shop", tables: [{ name: "payments", ignore: ["updated_at"], mask: ["card_number:last4", { column: "cvv" }] }] }],
    });
    expect(config.intervalMs).toBe(2_000);
    expect(config.databases[0]!.queryText).toBe("redacted");
    expect(config.databases[0]!.tables[0]).toEqual({
      schema: "public",
      table: "payments",
      ignore: ["updated_at"],
      mask: [
        { column: "card_number", keepLast: 4 },
        { column: "cvv", keepLast: 0 },
      ],
    });
  });

  it("names every problem", () => {
    const attempt = () => parseAgentConfig({ sightlineUrl: "ftp://x", databases: [{ url: "mysql://x/y" }, { url: "postgres://h/a", name: "a" }, { url: "postgres://g/a" }], intervalMs: "soon" });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("sightlineUrl: must be an http(s) URL");
    expect(message).toContain("ingestKey:");
    expect(message).toContain("databases.0.url: must start with postgres:// or postgresql://");
    expect(message).toContain("intervalMs: expected a duration");
  });

  it("refuses two databases under one name", () => {
    expect(() => parseAgentConfig({ ...base, databases: [{ url: "postgres://h/a" }, { url: "postgres://g/a" }] })).toThrow(/"a" is used twice/);
  });

  it("parses durations", () => {
    expect([parseDurationMs("500ms"), parseDurationMs("5s"), parseDurationMs("2m"), parseDurationMs(250), parseDurationMs("1.5s")]).toEqual([500, 5_000, 120_000, 250, 1_500]);
    expect([parseDurationMs("-1s"), parseDurationMs("soon"), parseDurationMs(0)]).toEqual([null, null, null]);
  });
});

describe("expandEnv", () => {
  it("replaces ${VAR} in strings anywhere in the file", () => {
    expect(expandEnv({ url: "postgres://app:${DB_PASSWORD}@h/shop", list: ["${KEY}"], n: 3 }, { DB_PASSWORD: "p@ss", KEY: "k" })).toEqual({ url: "postgres://app:p@ss@h/shop", list: ["k"], n: 3 });
  });

  it("fails on a variable that is not set", () => {
    expect(() => expandEnv("${MISSING}", {})).toThrow(/\$\{MISSING\}/);
  });
});

describe("parseCliArgs", () => {
  const env = { SIGHTLINE_INGEST_KEY: "from-env-key", PORT: "3100" };

  it("turns flags into one database with per-table options", () => {
    const args = parseCliArgs(
      ["--database", "postgres://localhost/shop", "--table", "orders", "--table", "payments", "--ignore", "orders.updated_at", "--mask", "payments.card_number:last4", "--log-file", "/var/log/pg.log", "--interval", "2s"],
      env,
    );
    expect(args.command).toBe("run");
    const config = parseAgentConfig(mergeConfigInput({}, args.input));
    expect(config.sightlineUrl).toBe("http://localhost:3100");
    expect(config.ingestKey).toBe("from-env-key");
    expect(config.intervalMs).toBe(2_000);
    expect(config.databases[0]).toMatchObject({
      name: "shop",
      logFile: "/var/log/pg.log",
      queryText: "redacted",
      tables: [
        { schema: "public", table: "orders", ignore: ["updated_at"], mask: [] },
        { schema: "public", table: "payments", ignore: [], mask: [{ column: "card_number", keepLast: 4 }] },
      ],
    });
  });

  it("merges flags over a config file and keeps the file's databases", () => {
    const args = parseCliArgs(["--database", "postgres://localhost/audit", "--sightline", "http://sightline:3000"], {});
    const merged = mergeConfigInput({ sightlineUrl: "http://other", ingestKey: "file-key", databases: [{ url: "postgres://localhost/shop" }] }, args.input);
    const config = parseAgentConfig(merged);
    expect(config.sightlineUrl).toBe("http://sightline:3000");
    expect(config.ingestKey).toBe("file-key");
    expect(config.databases.map((d) => d.name)).toEqual(["shop", "audit"]);
  });

  it("recognises the commands", () => {
    expect(parseCliArgs(["--help"], {}).command).toBe("help");
    expect(parseCliArgs(["--uninstall", "--force", "--database", "postgres://h/d"], {})).toMatchObject({ command: "uninstall", force: true });
    expect(parseCliArgs(["--install-only", "--database", "postgres://h/d"], {}).command).toBe("install");
  });

  it("explains flags that do not fit together", () => {
    expect(() => parseCliArgs(["--table", "orders"], {})).toThrow(/need a --database/);
    expect(() => parseCliArgs(["--database", "postgres://h/d", "--table", "orders", "--mask", "payments.card"], {})).toThrow(/payments is not given with --table/);
    expect(() => parseCliArgs(["--database", "postgres://h/d", "--table", "orders", "--ignore", "updated_at"], {})).toThrow(/expected table\.column/);
    expect(() => parseCliArgs(["--name", "x", "--database", "postgres://h/a", "--database", "postgres://h/b"], {})).toThrow(/exactly one --database/);
    expect(() => parseCliArgs(["--bogus"], {})).toThrow(/--help/);
  });
});
