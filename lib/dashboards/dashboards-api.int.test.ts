import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { loadRouteHandler } from "@/lib/testing/route-handlers";
import { adminRequest } from "@/lib/testing/test-auth";
import type { Dashboard, DashboardSummary } from "./schemas";

// The dashboards API on a real PostgreSQL through the real route handlers: create, read, list,
// replace with optimistic concurrency (409 on a stale version), duplicate, delete; refusals by
// role, by field and for provisioned dashboards; and the activity log entries.

const json = { "content-type": "application/json" };
const params = (id?: string) => ({ params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });

async function call(method: string, apiPath: string, path: string, options: { body?: unknown; id?: string; token?: string } = {}) {
  const handler = await loadRouteHandler(apiPath, method);
  const init = { method, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body), headers: json }) };
  const request = options.token
    ? new NextRequest(`http://localhost${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${options.token}` } })
    : adminRequest(path, init);
  const response = await handler(request, params(options.id));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const panels = [
  { id: "rate", kind: "red", title: "Order rate", service: "order", show: "rate" },
  { id: "cpu", kind: "metric", title: "Queue", queries: [{ name: "shop.queue.depth", agg: "max" }] },
  { id: "note", kind: "text", title: "Read me", text: "<b>not html</b>" },
];
const layout = [
  { i: "rate", x: 0, y: 0, w: 6, h: 6 },
  { i: "cpu", x: 6, y: 0, w: 6, h: 6 },
];

let viewerToken: string;
beforeAll(async () => {
  const created = await call("POST", "/api/v1/api-tokens", "/api/v1/api-tokens", { body: { name: "viewer script", role: "viewer" } });
  viewerToken = created.body.token as string;
});

describe("dashboards API", () => {
  it("creates, reads, lists, replaces, duplicates and deletes a dashboard", async () => {
    const created = await call("POST", "/api/v1/dashboards", "/api/v1/dashboards", { body: { title: "Checkout", description: "the money path", panels, layout } });
    expect(created.status).toBe(200);
    const dashboard = created.body as unknown as Dashboard;
    expect(dashboard).toMatchObject({ title: "Checkout", version: 1, provisioned: null, panels });
    // The text panel had no layout item: it is placed below the others.
    expect(dashboard.layout).toEqual([...layout, { i: "note", x: 0, y: 6, w: 6, h: 8 }]);

    const read = await call("GET", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${dashboard.id}`, { id: dashboard.id });
    expect(read.body).toEqual(created.body);

    const moved = [{ i: "rate", x: 6, y: 0, w: 6, h: 6 }, { i: "cpu", x: 0, y: 0, w: 6, h: 10 }, { i: "note", x: 0, y: 10, w: 12, h: 3 }];
    const put = await call("PUT", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${dashboard.id}`, {
      id: dashboard.id,
      body: { title: "Checkout v2", panels, layout: moved, version: 1 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: "Checkout v2", version: 2, layout: moved, description: "" });

    const list = await call("GET", "/api/v1/dashboards", "/api/v1/dashboards");
    const summary = (list.body.dashboards as DashboardSummary[]).find((d) => d.id === dashboard.id);
    expect(summary).toMatchObject({ title: "Checkout v2", panelCount: 3, version: 2 });
    expect(summary).not.toHaveProperty("panels");

    const copy = await call("POST", "/api/v1/dashboards/{id}/duplicate", `/api/v1/dashboards/${dashboard.id}/duplicate`, { id: dashboard.id });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ title: "Checkout v2 (copy)", version: 1, panels, layout: moved });
    expect(copy.body.id).not.toBe(dashboard.id);

    const deleted = await call("DELETE", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${dashboard.id}`, { id: dashboard.id });
    expect(deleted).toEqual({ status: 200, body: { id: dashboard.id, deleted: true } });
    expect((await call("GET", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${dashboard.id}`, { id: dashboard.id })).status).toBe(404);

    const actions = await getPrisma().activityEvent.findMany({ where: { action: { startsWith: "dashboard_" } }, orderBy: { at: "asc" } });
    expect(actions.map((a) => [a.action, a.target])).toEqual([
      ["dashboard_created", "Checkout"],
      ["dashboard_updated", "Checkout v2"],
      ["dashboard_created", "Checkout v2 (copy)"],
      ["dashboard_deleted", "Checkout v2"],
    ]);
  });

  it("refuses a save from a stale version with 409 and keeps the newer one", async () => {
    const { body } = await call("POST", "/api/v1/dashboards", "/api/v1/dashboards", { body: { title: "Shared" } });
    const id = body.id as string;
    const first = await call("PUT", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${id}`, { id, body: { title: "Alice's", version: 1 } });
    expect(first.status).toBe(200);
    const second = await call("PUT", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${id}`, { id, body: { title: "Bob's", version: 1 } });
    expect(second.status).toBe(409);
    expect((second.body.error as { message: string }).message).toContain("now version 2");
    expect((await call("GET", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${id}`, { id })).body).toMatchObject({ title: "Alice's", version: 2 });
  });

  it("answers 400 naming the field of a bad panel", async () => {
    const cases: [unknown, string][] = [
      [[{ id: "a", kind: "red", title: "x", show: "rate" }], "panels.0.service"],
      [[{ id: "a", kind: "red", title: "x", service: "order", show: "speed" }], "panels.0.show"],
      [[{ id: "a", kind: "chart", title: "x" }], "panels.0.kind"],
      [[{ id: "a", kind: "metric", title: "x", queries: [] }], "panels.0.queries"],
      [[{ id: "a", kind: "metric", title: "x", queries: [{ name: "m", filter: ["nokey"] }] }], "panels.0.queries.0.filter.0"],
      [[{ id: "a", kind: "text", title: "x", text: "1" }, { id: "a", kind: "text", title: "y", text: "2" }], "panels.1.id"],
    ];
    for (const [bad, field] of cases) {
      const answer = await call("POST", "/api/v1/dashboards", "/api/v1/dashboards", { body: { title: "Bad", panels: bad } });
      expect(answer.status, field).toBe(400);
      expect((answer.body.error as { message: string }).message, field).toContain(`${field}:`);
    }
    const layoutOut = await call("POST", "/api/v1/dashboards", "/api/v1/dashboards", { body: { title: "Bad", layout: [{ i: "a", x: 10, y: 0, w: 6, h: 2 }] } });
    expect((layoutOut.body.error as { message: string }).message).toContain("layout.0.w: x + w must be at most 12");
  });

  it("lets viewers read but not write (403)", async () => {
    const { body } = await call("POST", "/api/v1/dashboards", "/api/v1/dashboards", { body: { title: "Viewers look" } });
    const id = body.id as string;
    const token = viewerToken;
    expect((await call("GET", "/api/v1/dashboards", "/api/v1/dashboards", { token })).status).toBe(200);
    expect((await call("GET", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${id}`, { id, token })).status).toBe(200);
    expect((await call("POST", "/api/v1/dashboards", "/api/v1/dashboards", { token, body: { title: "No" } })).status).toBe(403);
    expect((await call("PUT", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${id}`, { id, token, body: { title: "No", version: 1 } })).status).toBe(403);
    expect((await call("DELETE", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${id}`, { id, token })).status).toBe(403);
    expect((await call("POST", "/api/v1/dashboards/{id}/duplicate", `/api/v1/dashboards/${id}/duplicate`, { id, token })).status).toBe(403);
  });

  it("keeps provisioned dashboards read-only (409) but lets them be duplicated", async () => {
    const row = await getPrisma().dashboard.create({ data: { title: "From a file", provisionedId: "from-file", provisionedFile: "from-file.json", panels, layout: [] } });
    const put = await call("PUT", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${row.id}`, { id: row.id, body: { title: "Mine now", version: 1 } });
    expect(put.status).toBe(409);
    expect((put.body.error as { message: string }).message).toContain("duplicate it to edit");
    expect((await call("DELETE", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${row.id}`, { id: row.id })).status).toBe(409);
    const copy = await call("POST", "/api/v1/dashboards/{id}/duplicate", `/api/v1/dashboards/${row.id}/duplicate`, { id: row.id });
    expect(copy.body).toMatchObject({ title: "From a file (copy)", provisioned: null, panels });
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call("GET", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${unknown}`, { id: unknown })).status).toBe(404);
    expect((await call("PUT", "/api/v1/dashboards/{id}", `/api/v1/dashboards/${unknown}`, { id: unknown, body: { title: "x", version: 1 } })).status).toBe(404);
    const bad = await call("GET", "/api/v1/dashboards/{id}", "/api/v1/dashboards/nope", { id: "nope" });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { message: string }).message).toContain("id:");
  });
});
