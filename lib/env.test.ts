import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, retentionDays } from "./env";

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SIGHTLINE_DATA_DIR).toBe(".sightline");
    expect(retentionDays(env)).toMatchObject({ spans: 7, metrics: 30, logs: 7, audit: 90, locks: 30, rollups: 30 });
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names the variable, the problem and the value in one line", () => {
    expect(() => parseEnv({ SIGHTLINE_RETENTION_SPANS_DAYS: "-3" })).toThrow(EnvError);
    expect(() => parseEnv({ SIGHTLINE_RETENTION_SPANS_DAYS: "-3" })).toThrow(
      'Bad configuration: SIGHTLINE_RETENTION_SPANS_DAYS must be at least 1 day (got "-3")',
    );
    expect(() => parseEnv({ SIGHTLINE_RETENTION_LOGS_DAYS: "week" })).toThrow(/SIGHTLINE_RETENTION_LOGS_DAYS must be a whole number of days/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT must be between 1 and 65535/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => parseEnv({ SIGHTLINE_DEMO: "yes" })).toThrow(/SIGHTLINE_DEMO must be 1 or 0/);
  });

  it("reads flags and numbers", () => {
    const env = parseEnv({ SIGHTLINE_DEMO: "0", PORT: "8080", SIGHTLINE_RETENTION_AUDIT_DAYS: "365" });
    expect(env.SIGHTLINE_DEMO).toBe(false);
    expect(env.PORT).toBe(8080);
    expect(env.SIGHTLINE_RETENTION_AUDIT_DAYS).toBe(365);
  });
});
