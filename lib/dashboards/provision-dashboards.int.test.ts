import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { provisionDashboards } from "./provision-dashboards";
import { PROVISIONED_DIR } from "./read-provisioned-dashboards";

// Provisioning on a real PostgreSQL, from a copy of the repository's own files: twice is the
// same as once, a changed file changes its dashboard, a removed file removes it, and a broken
// file is named and leaves the stored dashboards alone.

const dir = mkdtempSync(path.join(os.tmpdir(), "sightline-provisioned-"));
cpSync(PROVISIONED_DIR, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = process.env.DATABASE_URL!;

describe("provisionDashboards", () => {
  it("creates the three dashboards once; a second run changes nothing", async () => {
    const first = await provisionDashboards(url, dir);
    expect(first).toMatchObject({ created: ["postgresql-health", "service-red", "shop-business"], updated: [], problems: [] });
    const before = await getPrisma().dashboard.findMany({ orderBy: { provisionedId: "asc" } });
    expect(before.map((d) => d.title)).toEqual(["PostgreSQL health", "Service RED", "Shop business"]);

    const second = await provisionDashboards(url, dir);
    expect(second).toMatchObject({ created: [], updated: [], unchanged: ["postgresql-health", "service-red", "shop-business"], removed: [] });
    const after = await getPrisma().dashboard.findMany({ orderBy: { provisionedId: "asc" } });
    expect(after).toEqual(before);
  });

  it("updates a dashboard whose file changed, keeping its id", async () => {
    const file = path.join(dir, "shop-business.json");
    const content = JSON.parse(readFileSync(file, "utf8")) as { title: string };
    const before = await getPrisma().dashboard.findUniqueOrThrow({ where: { provisionedId: "shop-business" } });
    writeFileSync(file, JSON.stringify({ ...content, title: "Shop business (renamed)" }));
    expect(await provisionDashboards(url, dir)).toMatchObject({ updated: ["shop-business"], created: [] });
    const after = await getPrisma().dashboard.findUniqueOrThrow({ where: { provisionedId: "shop-business" } });
    expect(after).toMatchObject({ id: before.id, title: "Shop business (renamed)", version: before.version + 1 });
  });

  it("names a broken file and deletes nothing while one is broken; removes a dashboard whose file is gone", async () => {
    writeFileSync(path.join(dir, "broken.json"), JSON.stringify({ id: "broken", title: "B", panels: [{ id: "x", kind: "red", title: "t", show: "rate" }] }));
    rmSync(path.join(dir, "service-red.json"));
    const withBroken = await provisionDashboards(url, dir);
    expect(withBroken.problems).toEqual([expect.stringContaining("broken.json: panels.0.service")]);
    expect(withBroken.removed).toEqual([]);
    expect(await getPrisma().dashboard.count({ where: { provisionedId: "service-red" } })).toBe(1);

    rmSync(path.join(dir, "broken.json"));
    expect((await provisionDashboards(url, dir)).removed).toEqual(["service-red"]);
    expect(await getPrisma().dashboard.count({ where: { provisionedId: { not: null } } })).toBe(2);
  });
});
