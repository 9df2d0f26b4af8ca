import { describe, expect, it } from "vitest";
import { alertRuleBodySchema, type AlertRule } from "@/lib/alerts/schemas";
import { draftFromParams, draftFromRule, draftToBody } from "./rule-draft";

describe("rule draft", () => {
  it("prefills an error-rate rule from a service page's link", () => {
    const draft = draftFromParams(new URLSearchParams("service=gateway&operation=POST%20/checkout&measure=error-percent"));
    const body = alertRuleBodySchema.parse(draftToBody({ ...draft, threshold: 1, forSeconds: 0, everySeconds: 10 }));
    expect(body.source).toEqual({ kind: "red", service: "gateway", operation: "POST /checkout", measure: "error-percent", windowSeconds: 300, minRequests: 10 });
    expect(body).toMatchObject({ name: "error-percent of POST /checkout (gateway)", condition: { op: "above", threshold: 1 }, forSeconds: 0, everySeconds: 10 });
  });

  it("ignores an unknown measure in the address", () => {
    expect(draftFromParams(new URLSearchParams("service=a&measure=nope")).measure).toBe("error-percent");
  });

  it("sends only the chosen kind's fields, labels as a record", () => {
    const draft = { ...draftFromParams(new URLSearchParams()), name: "job", kind: "job" as const, job: "expire-unpaid-orders", service: "", labels: ["team=shop", "severity = warning"] };
    const body = alertRuleBodySchema.parse(draftToBody(draft));
    expect(body.source).toEqual({ kind: "job", job: "expire-unpaid-orders", graceSeconds: 120 });
    expect(body.labels).toEqual({ team: "shop", severity: "warning" });
  });

  it("round-trips a saved rule", () => {
    const body = alertRuleBodySchema.parse({ name: "m", source: { kind: "metric", name: "db.pool.waiting", filter: ["service.name=order"], agg: "max" }, condition: { op: "below", threshold: 2 }, labels: { team: "a" } });
    const rule = { ...body, id: "00000000-0000-4000-8000-000000000001", sloId: null, createdAtMs: 0, updatedAtMs: 0, state: "ok", stateSinceMs: null, lastValue: null, lastEvaluatedAtMs: null, lastError: null, silencedUntilMs: null, incidentId: null, link: "/metrics" } satisfies AlertRule;
    expect(alertRuleBodySchema.parse(draftToBody(draftFromRule(rule)))).toEqual(body);
  });

  it("leaves an empty threshold for the server to refuse", () => {
    const body = draftToBody({ ...draftFromParams(new URLSearchParams("service=a")), threshold: "" });
    const result = alertRuleBodySchema.safeParse(body);
    expect(result.success).toBe(false);
  });
});
