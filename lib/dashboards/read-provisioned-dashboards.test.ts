import { describe, expect, it } from "vitest";
import { readProvisionedDashboards } from "./read-provisioned-dashboards";

// The files shipped in the repository must load: a typo here would leave a dashboard out at start.
describe("the provisioned dashboard files", () => {
  it("all pass the API's schema, with a layout item per panel", () => {
    const { dashboards, problems } = readProvisionedDashboards();
    expect(problems).toEqual([]);
    expect(dashboards.map((d) => d.title)).toEqual(["PostgreSQL health", "Service RED", "Shop business"]);
    for (const d of dashboards) expect(d.layout.map((item) => item.i)).toEqual(d.panels.map((p) => p.id));
  });
});
