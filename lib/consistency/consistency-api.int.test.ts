import { afterAll, describe, expect, it } from "vitest";
import * as ruleRoute from "@/app/api/v1/consistency/rules/[id]/route";
import * as rulesRoute from "@/app/api/v1/consistency/rules/route";
import * as violationRoute from "@/app/api/v1/consistency/violations/[id]/route";
import * as violationsRoute from "@/app/api/v1/consistency/violations/route";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool, getPrisma } from "@/lib/db/client";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { adminRequest } from "@/lib/testing/test-auth";
import { checkDeadlines } from "./check-deadlines";
import { evaluateConsistency } from "./evaluate-consistency";
import { ruleListSchema, ruleSchema, violationDetailSchema, violationListSchema } from "./schemas";

// The consistency API over its route handlers on a real PostgreSQL: rule CRUD, a bad definition
// refused with the field's path, and violations listed and told once the evaluator found one.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const json = { "content-type": "application/json" };
const noParams = { params: Promise.resolve({}) };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const send = (path: string, method: string, body: unknown) => adminRequest(path, { method, body: JSON.stringify(body), headers: json });

const definition = {
  kind: "follows",
  trigger: { table: "payments", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "SUCCESS" }], database: "api_shop" },
  expect: [{ label: "order becomes PAID", match: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }] }, link: [{ column: "id", equalsTriggerColumn: "order_id" }] }],
  withinSeconds: 30,
};

describe("/api/v1/consistency/rules", () => {
  it("creates, reads, replaces and deletes a rule", async () => {
    const created = await rulesRoute.POST(send("/api/v1/consistency/rules", "POST", { name: "Paid payment, paid order", definition }), noParams);
    expect(created.status).toBe(200);
    const rule = ruleSchema.parse(await created.json());
    expect(rule).toMatchObject({ name: "Paid payment, paid order", enabled: true, builtIn: false, openViolations: 0, description: "" });
    expect(rule.definition).toMatchObject({ kind: "follows", withinSeconds: 30 });

    const again = await rulesRoute.POST(send("/api/v1/consistency/rules", "POST", { name: "Paid payment, paid order", definition }), noParams);
    expect(again.status).toBe(409);

    const list = ruleListSchema.parse(await (await rulesRoute.GET(adminRequest("/api/v1/consistency/rules"), noParams)).json());
    expect(list.rules.map((r) => r.id)).toContain(rule.id);

    const replaced = await ruleRoute.PUT(send(`/api/v1/consistency/rules/${rule.id}`, "PUT", { name: "Renamed", enabled: false, definition: { ...definition, withinSeconds: 60 } }), params(rule.id));
    expect(ruleSchema.parse(await replaced.json())).toMatchObject({ name: "Renamed", enabled: false, definition: { withinSeconds: 60 } });

    expect((await ruleRoute.DELETE(adminRequest(`/api/v1/consistency/rules/${rule.id}`, { method: "DELETE" }), params(rule.id))).status).toBe(200);
    expect((await ruleRoute.GET(adminRequest(`/api/v1/consistency/rules/${rule.id}`), params(rule.id))).status).toBe(404);
  });

  it("refuses a bad definition with a 400 naming the field", async () => {
    const noLink = { ...definition, expect: [{ ...definition.expect[0], link: [] }] };
    const answer = await rulesRoute.POST(send("/api/v1/consistency/rules", "POST", { name: "Bad", definition: noLink }), noParams);
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toContain("definition.expect.0.link: link the expected change to the trigger");

    const badOp = { ...definition, trigger: { ...definition.trigger, where: [{ column: "status", op: "like", value: "S%" }] } };
    const second = await rulesRoute.POST(send("/api/v1/consistency/rules", "POST", { name: "Bad op", definition: badOp }), noParams);
    expect(second.status).toBe(400);
    expect(((await second.json()) as { error: { message: string } }).error.message).toContain("definition.trigger.where.0");

    expect((await ruleRoute.GET(adminRequest("/api/v1/consistency/rules/nope"), params("nope"))).status).toBe(400);
  });
});

describe("/api/v1/consistency/violations", () => {
  it("lists a violation with counts over time and tells its story", async () => {
    const created = ruleSchema.parse(await (await rulesRoute.POST(send("/api/v1/consistency/rules", "POST", { name: "API violations", definition }), noParams)).json());
    const at = Date.now() - 120_000;
    await storeAuditChanges(getPool(), [
      auditChangeInputSchema.parse({
        id: "api_shop:1:1",
        database: "api_shop",
        table: "payments",
        op: "UPDATE",
        pk: { id: 7 },
        before: { id: 7, order_id: 70, status: "PENDING" },
        after: { id: 7, order_id: 70, status: "SUCCESS" },
        changedColumns: ["status"],
        traceId: "0af7651916cd43dd8448eb211c80319c",
        committedAt: new Date(at).toISOString(),
      }),
    ]);
    await evaluateConsistency(getPool());
    await checkDeadlines(getPool(), Date.now());

    const answer = await violationsRoute.GET(adminRequest(`/api/v1/consistency/violations?rule=${created.id}`), noParams);
    expect(answer.status).toBe(200);
    const list = violationListSchema.parse(await answer.json());
    expect(list.violations).toEqual([expect.objectContaining({ ruleName: "API violations", state: "missing", open: true, table: "payments", pk: { id: 7 }, traceIds: ["0af7651916cd43dd8448eb211c80319c"] })]);
    expect(list.series).toHaveLength(1);
    expect(list.series[0]!.points.some(([, n]) => n === 1)).toBe(true);

    const id = list.violations[0]!.id;
    const detail = violationDetailSchema.parse(await (await violationRoute.GET(adminRequest(`/api/v1/consistency/violations/${id}`), params(id))).json());
    expect(detail.trigger).toMatchObject({ table: "payments", op: "UPDATE" });
    expect(detail.steps).toEqual([expect.objectContaining({ label: "order becomes PAID", state: "missing" })]);
    expect(detail.traces).toEqual([{ traceId: "0af7651916cd43dd8448eb211c80319c", role: "trigger", label: "UPDATE payments (the trigger)" }]);

    expect((await violationRoute.GET(adminRequest("/api/v1/consistency/violations/999999"), params("999999"))).status).toBe(404);
    expect((await violationRoute.GET(adminRequest("/api/v1/consistency/violations/x"), params("x"))).status).toBe(400);
    expect((await violationsRoute.GET(adminRequest("/api/v1/consistency/violations?state=closed"), noParams)).status).toBe(400);
  });
});
