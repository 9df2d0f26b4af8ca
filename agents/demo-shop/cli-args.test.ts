import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args";

describe("parseCliArgs", () => {
  it("reads flags before the environment, and defaults last", () => {
    const options = parseCliArgs(["--sightline", "http://sl:3000", "--rate", "0.5"], { SIGHTLINE_URL: "http://env", SIGHTLINE_INGEST_KEY: "k", DEMO_SHOP_DATABASE_URL: "postgres://db" });
    expect(options).toEqual({ help: false, sightlineUrl: "http://sl:3000", ingestKey: "k", databaseUrl: "postgres://db", rate: 0.5, scenario: undefined, schedule: false, stay: true, standalone: true });
    expect(parseCliArgs([], {}).sightlineUrl).toBe("http://localhost:3000");
    expect(parseCliArgs(["--key", "flag-key"], { SIGHTLINE_INGEST_KEY: "env-key" }).ingestKey).toBe("flag-key");
  });

  it("a one-off scenario runs without background traffic and exits, unless told otherwise", () => {
    expect(parseCliArgs(["--scenario", "deadlock"], {})).toMatchObject({ scenario: "deadlock", rate: 0, stay: false });
    expect(parseCliArgs(["--scenario", "deadlock", "--rate", "2", "--stay"], {})).toMatchObject({ rate: 2, stay: true });
    expect(parseCliArgs(["--schedule"], {})).toMatchObject({ schedule: true, rate: 2, stay: true });
  });

  it("a scenario alone goes to the running demo; flags for a shop of its own start one", () => {
    expect(parseCliArgs(["--scenario", "deadlock"], { SIGHTLINE_INGEST_KEY: "k", DEMO_SHOP_DATABASE_URL: "postgres://db" }).standalone).toBe(false);
    expect(parseCliArgs(["--scenario", "deadlock", "--standalone"], {}).standalone).toBe(true);
    expect(parseCliArgs(["--scenario", "deadlock", "--key", "k"], {}).standalone).toBe(true);
    expect(parseCliArgs(["--scenario", "deadlock", "--database", "postgres://db"], {}).standalone).toBe(true);
  });

  it("rejects unknown scenarios, bad rates and unknown flags", () => {
    expect(() => parseCliArgs(["--scenario", "meltdown"], {})).toThrow(/unknown scenario "meltdown"/);
    expect(() => parseCliArgs(["--rate", "fast"], {})).toThrow(/--rate/);
    expect(() => parseCliArgs(["--rate", "-1"], {})).toThrow(/--rate/);
    expect(() => parseCliArgs(["--verbose"], {})).toThrow();
  });
});
