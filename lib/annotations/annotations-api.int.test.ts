import { afterAll, describe, expect, it } from "vitest";
import * as idRoute from "@/app/api/v1/annotations/[id]/route";
import * as route from "@/app/api/v1/annotations/route";
import { getPool, getPrisma } from "@/lib/db/client";
import { adminRequest } from "@/lib/testing/test-auth";
import { annotationListSchema, annotationSchema } from "./schemas";

// Annotations over the route handlers, on a real PostgreSQL: which ones a window shows (points
// inside it, windows overlapping it, a service's own plus the global ones), what is refused.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const MIN = 60_000;

async function create(body: unknown) {
  const response = await route.POST(adminRequest("/api/v1/annotations", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as unknown };
}

async function list(query: string) {
  const response = await route.GET(adminRequest(`/api/v1/annotations?${query}`), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return annotationListSchema.parse(await response.json()).annotations;
}

describe("annotations API", () => {
  it("shows points inside the window and windows overlapping it, oldest first", async () => {
    const inside = annotationSchema.parse((await create({ timeMs: T + 10 * MIN, text: "deploy order 1.4.2", tags: ["deploy"], service: "order" })).json);
    const overlapping = annotationSchema.parse((await create({ timeMs: T - 30 * MIN, endTimeMs: T + 5 * MIN, text: "failover drill" })).json);
    await create({ timeMs: T - 90 * MIN, text: "long before" });
    await create({ timeMs: T - 90 * MIN, endTimeMs: T - 1, text: "window ending before" });
    await create({ timeMs: T + 61 * MIN, text: "after" });

    const shown = await list(`from=${T}&to=${T + 60 * MIN}`);
    expect(shown.map((a) => a.text)).toEqual(["failover drill", "deploy order 1.4.2"]);
    expect(shown[1]).toEqual(inside);
    expect(overlapping).toMatchObject({ timeMs: T - 30 * MIN, endTimeMs: T + 5 * MIN, service: null, tags: [] });
  });

  it("gives a service its own annotations and the global ones, not other services'", async () => {
    const at = T + 3 * 3_600_000;
    await create({ timeMs: at, text: "payment restart", service: "payment" });
    await create({ timeMs: at + MIN, text: "order restart", service: "order" });
    await create({ timeMs: at + 2 * MIN, text: "network maintenance" });
    const forPayment = await list(`from=${at}&to=${at + 10 * MIN}&service=payment`);
    expect(forPayment.map((a) => a.text)).toEqual(["payment restart", "network maintenance"]);
  });

  it("refuses what it cannot store, naming the field", async () => {
    for (const [body, field] of [
      [{ timeMs: T, text: "" }, "text"],
      [{ timeMs: T, endTimeMs: T - 1, text: "reversed" }, "endTimeMs"],
      [{ timeMs: "soon", text: "x" }, "timeMs"],
      [{ timeMs: T, text: "x\u0000y" }, "text"],
      [{ timeMs: T, text: "x", tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "tags"],
    ] as const) {
      const answer = await create(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(answer.json)).toContain(field);
    }
  });

  it("deletes one and says 404 for an unknown id", async () => {
    const made = annotationSchema.parse((await create({ timeMs: T + 5 * 3_600_000, text: "to delete" })).json);
    const params = (id: string) => ({ params: Promise.resolve({ id }) });
    const deleted = await idRoute.DELETE(adminRequest(`/api/v1/annotations/${made.id}`, { method: "DELETE" }), params(made.id));
    expect(deleted.status).toBe(200);
    expect(annotationSchema.parse(await deleted.json())).toEqual(made);
    const again = await idRoute.DELETE(adminRequest(`/api/v1/annotations/${made.id}`, { method: "DELETE" }), params(made.id));
    expect(again.status).toBe(404);
  });
});
