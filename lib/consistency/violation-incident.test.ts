import { describe, expect, it } from "vitest";
import { createIncidentBodySchema } from "@/lib/incidents/schemas";
import type { ChangeRef, ViolationDetail } from "./schemas";
import { violationIncidentDraft } from "./violation-incident";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const change = (id: string, table: string, pk: Record<string, unknown>, traceId: string | null): ChangeRef => ({
  id,
  committedAtMs: 1_796_000_000_000,
  database: "shop",
  table,
  op: "UPDATE",
  pk,
  changedColumns: ["status"],
  before: null,
  after: { status: "SUCCESS" },
  traceId,
  spanId: null,
  txid: null,
});

const detail = {
  violation: { id: "9", ruleId: "6f1c7c2e-6b1a-4c55-9f55-0a4a6f0f4e11", ruleName: "Paid payment confirms its order", state: "missing", open: true, startedAtMs: 1_796_000_000_000, deadlineAtMs: 1_796_000_030_000, detectedAtMs: 1_796_000_031_000, resolvedAtMs: null, lateMs: null, step: "order becomes PAID", table: "payments", pk: { id: "42" }, traceIds: [TRACE] },
  trigger: change("1", "payments", { id: "42" }, TRACE),
  steps: [{ label: "order becomes PAID", state: "missing", deadlineAtMs: 1_796_000_030_000, changes: [] }],
  history: [change("1", "payments", { id: "42" }, TRACE), change("0", "orders", { id: 7 }, null)],
  traces: [{ traceId: TRACE, role: "trigger", label: "POST /checkout" }],
} as unknown as ViolationDetail;

describe("violationIncidentDraft", () => {
  it("is a body the incidents API accepts: the violation's window, its traces and every row once", () => {
    const draft = violationIncidentDraft(detail, "Consistency: order becomes PAID");
    expect(draft.windowFromMs).toBe(1_796_000_000_000 - 60_000);
    expect(draft.windowToMs).toBe(1_796_000_031_000 + 60_000);
    expect(draft.evidence).toEqual([
      { kind: "trace", traceId: TRACE },
      { kind: "audit", database: "shop", table: "public.payments", pk: '{"id":"42"}' },
      { kind: "audit", database: "shop", table: "public.orders", pk: '{"id":7}' },
    ]);
    expect(createIncidentBodySchema.safeParse(draft).error?.issues ?? []).toEqual([]);
  });
});
