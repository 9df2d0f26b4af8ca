import type { AlertRule, AlertRuleBody, AlertSource, AlertSourceKind } from "@/lib/alerts/schemas";
import { type DATABASE_MEASURES, RED_MEASURES } from "@/lib/alerts/schemas";
import { labelsFromPairs, pairsFromLabels } from "./label-pairs";

// The rule form's state: one flat draft holding every source kind's fields, so switching the
// kind keeps what was typed, and only the chosen kind's fields go into the body. The server
// judges the body (zod) and its message is shown as it says it; nothing is validated twice here.

export const EDITABLE_KINDS = ["red", "metric", "absence", "job", "consistency", "database"] as const satisfies readonly AlertSourceKind[];

export interface RuleDraft {
  name: string;
  description: string;
  enabled: boolean;
  kind: AlertSourceKind;
  service: string;
  operation: string;
  measure: (typeof RED_MEASURES)[number];
  windowSeconds: number;
  minRequests: number;
  metricName: string;
  metricFilter: string[];
  metricAgg: string;
  reducer: "last" | "avg" | "min" | "max";
  consistencyRuleId: string;
  database: string;
  databaseMeasure: (typeof DATABASE_MEASURES)[number];
  successOnly: boolean;
  job: string;
  graceSeconds: number;
  /** an SLO's burn-rate source, kept as it is (edited through the SLO) */
  sloSource: Extract<AlertSource, { kind: "slo-burn" }> | null;
  op: "above" | "below";
  threshold: number | string;
  forSeconds: number;
  everySeconds: number;
  /** key=value */
  labels: string[];
  contactIds: string[];
  openIncident: boolean;
  incidentSeverity: AlertRuleBody["incidentSeverity"];
}

export const emptyDraft = (): RuleDraft => ({
  name: "",
  description: "",
  enabled: true,
  kind: "red",
  service: "",
  operation: "",
  measure: "error-percent",
  windowSeconds: 300,
  minRequests: 10,
  metricName: "",
  metricFilter: [],
  metricAgg: "",
  reducer: "avg",
  consistencyRuleId: "",
  database: "",
  databaseMeasure: "lock-waits",
  successOnly: true,
  job: "",
  graceSeconds: 120,
  sloSource: null,
  op: "above",
  threshold: 5,
  forSeconds: 120,
  everySeconds: 60,
  labels: [],
  contactIds: [],
  openIncident: false,
  incidentSeverity: "major",
});

/** A new rule prefilled from the address (a service page's "Create alert": service, operation, measure). */
export function draftFromParams(params: URLSearchParams): RuleDraft {
  const draft = emptyDraft();
  const service = params.get("service");
  const operation = params.get("operation");
  const measure = params.get("measure");
  if (service) draft.service = service;
  if (operation) draft.operation = operation;
  if (measure && (RED_MEASURES as readonly string[]).includes(measure)) draft.measure = measure as RuleDraft["measure"];
  if (service) draft.name = `${draft.measure} of ${operation ? `${operation} (${service})` : service}`;
  return draft;
}

export function draftFromRule(rule: AlertRule): RuleDraft {
  const draft: RuleDraft = {
    ...emptyDraft(),
    name: rule.name,
    description: rule.description,
    enabled: rule.enabled,
    kind: rule.source.kind,
    op: rule.condition.op,
    threshold: rule.condition.threshold,
    forSeconds: rule.forSeconds,
    everySeconds: rule.everySeconds,
    labels: pairsFromLabels(rule.labels),
    contactIds: rule.contactIds,
    openIncident: rule.openIncident,
    incidentSeverity: rule.incidentSeverity,
  };
  const s = rule.source;
  if ("windowSeconds" in s) draft.windowSeconds = s.windowSeconds;
  switch (s.kind) {
    case "red":
      return { ...draft, service: s.service, operation: s.operation ?? "", measure: s.measure, minRequests: s.minRequests };
    case "metric":
      return { ...draft, metricName: s.name, metricFilter: s.filter, metricAgg: s.agg ?? "", reducer: s.reducer };
    case "consistency":
      return { ...draft, consistencyRuleId: s.ruleId ?? "" };
    case "database":
      return { ...draft, database: s.database ?? "", databaseMeasure: s.measure };
    case "absence":
      return { ...draft, service: s.service, operation: s.operation ?? "", successOnly: s.successOnly };
    case "job":
      return { ...draft, job: s.job, service: s.service ?? "", graceSeconds: s.graceSeconds };
    case "slo-burn":
      return { ...draft, sloSource: s };
  }
}

const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());

function sourceOf(d: RuleDraft): unknown {
  switch (d.kind) {
    case "red":
      return { kind: "red", service: d.service, operation: optional(d.operation), measure: d.measure, windowSeconds: d.windowSeconds, minRequests: d.minRequests };
    case "metric":
      return { kind: "metric", name: d.metricName, filter: d.metricFilter, agg: optional(d.metricAgg), reducer: d.reducer, windowSeconds: d.windowSeconds };
    case "consistency":
      return { kind: "consistency", ruleId: optional(d.consistencyRuleId), windowSeconds: d.windowSeconds };
    case "database":
      return { kind: "database", database: optional(d.database), measure: d.databaseMeasure, windowSeconds: d.windowSeconds };
    case "absence":
      return { kind: "absence", service: d.service, operation: optional(d.operation), successOnly: d.successOnly };
    case "job":
      return { kind: "job", job: d.job, service: optional(d.service), graceSeconds: d.graceSeconds };
    case "slo-burn":
      return d.sloSource;
  }
}

/**
 * The body the API is sent. Labels typed without "=" are sent as keys with an empty value, so
 * the server names the problem; a threshold left empty is sent as null for the same reason.
 */
export function draftToBody(d: RuleDraft): AlertRuleBody {
  const labels = labelsFromPairs(d.labels);
  return {
    name: d.name,
    description: d.description,
    enabled: d.enabled,
    source: sourceOf(d),
    condition: { op: d.op, threshold: typeof d.threshold === "number" ? d.threshold : null },
    forSeconds: d.forSeconds,
    everySeconds: d.everySeconds,
    labels,
    contactIds: d.contactIds,
    openIncident: d.openIncident,
    incidentSeverity: d.incidentSeverity,
  } as AlertRuleBody;
}
