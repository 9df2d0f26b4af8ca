import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { citusCommands } from "./citus-layout";

// docs/scaling.md gives the commands that distribute the schema: they must be exactly the ones
// the plan generates, in the same order, so the page cannot drift from what the rules test checks.

describe("the Citus commands in docs/scaling.md", () => {
  it("are the plan's commands, in order", () => {
    const page = readFileSync(new URL("../../docs/scaling.md", import.meta.url), "utf8");
    const documented = page.split("\n").filter((line) => /^SELECT create_(reference_table|distributed_table|distributed_function)\(/.test(line));
    expect(documented).toEqual(citusCommands());
  });
});
