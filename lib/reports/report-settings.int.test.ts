import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createApiToken } from "@/app/api/v1/api-tokens/route";
import { GET as reportRoute } from "@/app/api/v1/reports/timeouts/route";
import { DELETE as resetRoute, GET as settingsRoute, PUT as saveRoute } from "@/app/api/v1/settings/timeout-report/route";
import type { Role } from "@/lib/auth/roles";
import { getPool } from "@/lib/db/client";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";
import { NextRequest } from "next/server";
import { DEFAULT_TIMEOUT_REPORT_SETTINGS, timeoutReportSettingsResponseSchema, type TimeoutReportSettings } from "./report-settings-schema";
import { timeoutReportSchema } from "./schemas";

// Settings → Timeout report over the real routes and store: who may read and change it, what a
// bad body is told, and that the report reads what was saved — a customer attribute of the
// shop's own naming is counted once it is configured, and the customer and order ids are left
// out of the JSON for a role below `customerListsVisibleTo`.

const noParams = { params: Promise.resolve({}) };
const base = Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000;
const window = `from=${base}&to=${base + 3_600_000}`;
const tokens = {} as Record<Role, string>;
const hex = (n: number) => randomBytes(n).toString("hex");

const as = (role: Role, path: string, init: { method?: string; body?: unknown } = {}) =>
  new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${tokens[role]}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

const save = (role: Role, body: unknown) => saveRoute(as(role, "/api/v1/settings/timeout-report", { method: "PUT", body }), noParams);
const withCustomer = (customer: string[], visibleTo: TimeoutReportSettings["customerListsVisibleTo"] = "editor"): TimeoutReportSettings => ({
  attributes: { ...DEFAULT_TIMEOUT_REPORT_SETTINGS.attributes, customer },
  customerListsVisibleTo: visibleTo,
});

async function reportAs(role: Role) {
  const response = await reportRoute(as(role, `/api/v1/reports/timeouts?${window}`), noParams);
  expect(response.status).toBe(200);
  return timeoutReportSchema.parse(await response.json());
}

beforeAll(async () => {
  for (const role of ["viewer", "editor", "admin"] as const) {
    const response = await createApiToken(
      adminRequest("/api/v1/api-tokens", { method: "POST", body: JSON.stringify({ name: `${role} settings test`, role }), headers: { "content-type": "application/json" } }),
      noParams,
    );
    expect(response.status).toBe(200);
    tokens[role] = ((await response.json()) as { token: string }).token;
  }
  // Three checkouts that timed out at the gateway (504); the shop names its customer
  // `shop.customer_ref`, which no default knows, and its orders `order.id`.
  const spans = [0, 1, 2].map((i) =>
    makeSpan({
      traceId: hex(16),
      serviceName: "gateway",
      resource: makeResource("gateway"),
      name: "POST /checkout",
      kind: 2,
      startMs: base + (10 + i) * 60_000,
      durationMs: 3_000,
      attributes: { "http.response.status_code": 504, "shop.customer_ref": `cust-${i % 2}`, "order.id": `o-${i}`, "order.amount": 10, "order.currency": "EUR" },
      status: { code: 2, message: "upstream timed out" },
    }),
  );
  await storeTraces(getPool(), spans);
});

afterAll(async () => {
  await getPool().end();
});

describe("/api/v1/settings/timeout-report", () => {
  it("gives everyone the defaults until an admin saves, and lets only admins change them", async () => {
    const read = timeoutReportSettingsResponseSchema.parse(await (await settingsRoute(as("viewer", "/api/v1/settings/timeout-report"), noParams)).json());
    expect(read).toMatchObject({ isDefault: true, updatedAt: null, settings: DEFAULT_TIMEOUT_REPORT_SETTINGS });
    expect(read.settings.attributes.customer).toContain("enduser.id");

    expect((await save("viewer", withCustomer(["a"]))).status).toBe(403);
    expect((await save("editor", withCustomer(["a"]))).status).toBe(403);
    expect((await resetRoute(as("editor", "/api/v1/settings/timeout-report", { method: "DELETE" }), noParams)).status).toBe(403);
  });

  it.each([
    ["an empty customer list", withCustomer([]), "attributes.customer: needs at least one entry"],
    ["a blank key", withCustomer(["enduser.id", "  "]), "attributes.customer.1: must not be empty"],
    ["a key given twice", withCustomer(["a", "a"]), "attributes.customer: must not name the same entry twice"],
    ["viewers seeing the lists", { ...withCustomer(["a"]), customerListsVisibleTo: "viewer" }, "customerListsVisibleTo: must be editor or admin"],
    ["an unknown field", { ...withCustomer(["a"]), colour: "red" }, "colour"],
    ["a missing table", { ...withCustomer(["a"]), attributes: { ...withCustomer(["a"]).attributes, audit: { ...DEFAULT_TIMEOUT_REPORT_SETTINGS.attributes.audit, orders: { table: "orders" } } } }, "attributes.audit.orders.idColumn"],
    ["an over-long column", { ...withCustomer(["a"]), attributes: { ...withCustomer(["a"]).attributes, audit: { ...DEFAULT_TIMEOUT_REPORT_SETTINGS.attributes.audit, orders: { ...DEFAULT_TIMEOUT_REPORT_SETTINGS.attributes.audit.orders, statusColumn: "s".repeat(64) } } } }, "attributes.audit.orders.statusColumn: must be at most 63 characters"],
  ])("refuses %s with a 400 naming the field", async (_, body, message) => {
    const response = await save("admin", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message);
  });

  it("reports with a saved customer attribute, and resets to the defaults", async () => {
    const before = await reportAs("editor");
    expect(before.impact.customers.count).toBe(0);
    expect(before.impact.orders.count).toBe(3);

    const response = await save("admin", withCustomer(["enduser.id", "shop.customer_ref"]));
    expect(response.status).toBe(200);
    const saved = timeoutReportSettingsResponseSchema.parse(await response.json());
    expect(saved.isDefault).toBe(false);
    expect(saved.settings.attributes.customer).toEqual(["enduser.id", "shop.customer_ref"]);
    const reread = timeoutReportSettingsResponseSchema.parse(await (await settingsRoute(as("viewer", "/api/v1/settings/timeout-report"), noParams)).json());
    expect(reread.settings).toEqual(saved.settings);

    const after = await reportAs("editor");
    expect(after.impact.customers).toEqual({ count: 2, ids: ["cust-0", "cust-1"] });
    expect(after.config.customer).toEqual(["enduser.id", "shop.customer_ref"]);

    const reset = timeoutReportSettingsResponseSchema.parse(await (await resetRoute(as("admin", "/api/v1/settings/timeout-report", { method: "DELETE" }), noParams)).json());
    expect(reset).toMatchObject({ isDefault: true, settings: DEFAULT_TIMEOUT_REPORT_SETTINGS });
    expect((await reportAs("editor")).impact.customers.count).toBe(0);
  });
});

describe("customer and order lists in the report", () => {
  it("are left out for a viewer (counts kept) and given to an editor", async () => {
    expect((await save("admin", withCustomer(["shop.customer_ref"], "editor"))).status).toBe(200);
    const viewerResponse = await reportRoute(as("viewer", `/api/v1/reports/timeouts?${window}`), noParams);
    const raw = (await viewerResponse.json()) as { impact: { customers: Record<string, unknown>; orders: Record<string, unknown> }; stateLeft: Record<string, unknown> };
    expect(raw.impact.customers).toEqual({ count: 2 });
    expect(raw.impact.orders).toEqual({ count: 3 });
    expect(raw.stateLeft).not.toHaveProperty("paymentsRecovered");
    expect(JSON.stringify(raw)).not.toContain("cust-0");
    expect(JSON.stringify(raw)).not.toContain('"o-1"');
    const viewer = timeoutReportSchema.parse(raw);
    expect(viewer.lists).toEqual({ withheld: true, visibleTo: "editor" });

    const editor = await reportAs("editor");
    expect(editor.lists).toEqual({ withheld: false, visibleTo: "editor" });
    expect(editor.impact.customers.ids).toEqual(["cust-0", "cust-1"]);
    expect(editor.impact.orders.ids).toEqual(["o-0", "o-1", "o-2"]);
  });

  it("are left out for an editor too once only admins may see them", async () => {
    expect((await save("admin", withCustomer(["shop.customer_ref"], "admin"))).status).toBe(200);
    const editor = await reportAs("editor");
    expect(editor.lists).toEqual({ withheld: true, visibleTo: "admin" });
    expect(editor.impact.customers).toEqual({ count: 2 });
    const admin = await reportAs("admin");
    expect(admin.impact.customers.ids).toEqual(["cust-0", "cust-1"]);
  });
});
