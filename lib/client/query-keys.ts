import type { TimeRange } from "./time-range";

// The one query-key factory. Each area owns a namespace whose first element is the area name,
// so `invalidateQueries({ queryKey: queryKeys.traces.all() })` reaches everything of that area.
// A key that depends on the global time range embeds `rangeKey(range)` (absolute times only; `rel`
// is a label, not data), which is how auto-refresh tells window-bound queries from the rest.
//
// Pattern for a new area:
//   traces: {
//     all: () => ["traces"] as const,
//     search: (range: RangeKey, filters: TraceFilters) => ["traces", "search", range, filters] as const,
//     detail: (traceId: string) => ["traces", "detail", traceId] as const,
//   },

export interface RangeKey {
  from: number;
  to: number;
}

/** One audited row: its database (when known), table and key as the URL names them. */
export interface AuditRowKey {
  database: string | null;
  table: string;
  pk: string;
}

export function rangeKey(range: TimeRange): RangeKey {
  return { from: range.fromMs, to: range.toMs };
}

export const queryKeys = {
  health: () => ["health"] as const,
  /** Storage statistics cover every retained partition; the route takes no window. */
  storage: () => ["storage"] as const,
  ingestKeys: () => ["ingestKeys"] as const,
  /** Users, API tokens and Sightline's own audit log (admin only); `all()` refreshes every one. */
  accounts: {
    all: () => ["accounts"] as const,
    users: () => ["accounts", "users"] as const,
    apiTokens: () => ["accounts", "apiTokens"] as const,
    activity: (action: string | null) => ["accounts", "activity", action] as const,
  },
  traces: {
    all: () => ["traces"] as const,
    search: (range: RangeKey, filters: Readonly<Record<string, unknown>>) => ["traces", "search", range, filters] as const,
    /** Service and operation suggestions for the search form. */
    services: (range: RangeKey) => ["traces", "services", range] as const,
    attributes: (range: RangeKey, service: string | null) => ["traces", "attributes", range, service] as const,
    /** One trace's data is immutable once shown: these keys carry no window. */
    compact: (traceId: string) => ["traces", "compact", traceId] as const,
    span: (traceId: string, spanId: string) => ["traces", "span", traceId, spanId] as const,
    find: (traceId: string, text: string) => ["traces", "find", traceId, text] as const,
    logs: (traceId: string) => ["traces", "logs", traceId] as const,
    changes: (traceId: string) => ["traces", "changes", traceId] as const,
    /** Lock waits and deadlocks a process of the trace took part in. */
    locks: (traceId: string) => ["traces", "locks", traceId] as const,
  },
  metrics: {
    all: () => ["metrics"] as const,
    /** Metric names and label keys: not window-bound (the list covers every retained series). */
    list: () => ["metrics", "list"] as const,
    labelValues: (name: string, key: string) => ["metrics", "labelValues", name, key] as const,
    series: (range: RangeKey, request: string) => ["metrics", "series", range, request] as const,
    heatmap: (range: RangeKey, request: string) => ["metrics", "heatmap", range, request] as const,
    exemplars: (range: RangeKey, request: string) => ["metrics", "exemplars", range, request] as const,
  },
  serviceMap: (range: RangeKey) => ["serviceMap", range] as const,
  /** The services list and one service's page (`part`: operations, dependencies, errors, …). */
  services: {
    all: () => ["services"] as const,
    health: (range: RangeKey) => ["services", "health", range] as const,
    part: (service: string, part: string, range: RangeKey) => ["services", "part", service, part, range] as const,
    red: (service: string, range: RangeKey, shiftMs: number, kind: string | null) => ["services", "red", service, range, shiftMs, kind] as const,
    logs: (service: string, range: RangeKey) => ["services", "logs", service, range] as const,
    worstOperations: (range: RangeKey) => ["services", "worstOperations", range] as const,
  },
  /** Dashboards as stored (no window); RED panel series are keyed by the window. */
  dashboards: {
    all: () => ["dashboards"] as const,
    list: () => ["dashboards", "list"] as const,
    detail: (id: string) => ["dashboards", "detail", id] as const,
    red: (range: RangeKey, service: string, operation: string | null) => ["dashboards", "red", range, service, operation] as const,
  },
  /** Incidents are not bound to the page's window: their keys carry none. */
  incidents: {
    all: () => ["incidents"] as const,
    list: (status: string | null) => ["incidents", "list", status] as const,
    detail: (id: string) => ["incidents", "detail", id] as const,
    shareLinks: (id: string) => ["incidents", "shareLinks", id] as const,
  },
  reports: {
    all: () => ["reports"] as const,
    timeouts: (range: RangeKey, service: string | null, operation: string | null) => ["reports", "timeouts", range, service, operation] as const,
    /** Entry endpoints to pick from (services and their SERVER operations) in the window. */
    endpoints: (range: RangeKey) => ["reports", "endpoints", range] as const,
    /** Settings → Timeout report; a change also invalidates `all()`, as reports read it. */
    settings: () => ["reports", "settings"] as const,
  },
  /** Annotations of a window: every chart of the range draws them; `all()` after a change. */
  annotations: {
    all: () => ["annotations"] as const,
    range: (range: RangeKey, service: string | null) => ["annotations", range, service] as const,
  },
  database: {
    all: () => ["database"] as const,
    locks: (range: RangeKey, database: string | null) => ["database", "locks", range, database] as const,
    names: (range: RangeKey) => ["database", "names", range] as const,
    metric: (range: RangeKey, request: string) => ["database", "metric", range, request] as const,
    activity: (range: RangeKey, database: string) => ["database", "activity", range, database] as const,
  },
  audit: {
    all: () => ["audit"] as const,
    search: (range: RangeKey, filters: Readonly<Record<string, string>>) => ["audit", "search", range, filters] as const,
    /** A row's history and its state at a moment: keyed by the row, not the window. */
    rowHistory: (row: AuditRowKey) => ["audit", "rowHistory", row] as const,
    rowAt: (row: AuditRowKey, atMs: number) => ["audit", "rowAt", row, atMs] as const,
    transaction: (database: string, txid: string) => ["audit", "transaction", database, txid] as const,
  },
  /** Consistency rules (not window-bound) and their violations (keyed by the window). */
  consistency: {
    all: () => ["consistency"] as const,
    rules: () => ["consistency", "rules"] as const,
    rule: (id: string) => ["consistency", "rule", id] as const,
    violations: (range: RangeKey, rule: string | null, state: string) => ["consistency", "violations", range, rule, state] as const,
    violation: (id: string) => ["consistency", "violation", id] as const,
  },
  /** Alert rules, their history, contact points and silences; SLOs; batch jobs (issue 17). */
  alerts: {
    all: () => ["alerts"] as const,
    rules: () => ["alerts", "rules"] as const,
    rule: (id: string) => ["alerts", "rule", id] as const,
    events: (rule: string | null) => ["alerts", "events", rule] as const,
    contacts: () => ["alerts", "contacts"] as const,
    silences: () => ["alerts", "silences"] as const,
    pickers: (what: string) => ["alerts", "pickers", what] as const,
  },
  slos: {
    all: () => ["slos"] as const,
    list: () => ["slos", "list"] as const,
    one: (id: string) => ["slos", "one", id] as const,
    status: (id: string) => ["slos", "status", id] as const,
  },
  jobs: {
    all: () => ["jobs"] as const,
    list: () => ["jobs", "list"] as const,
    one: (service: string, job: string) => ["jobs", "one", service, job] as const,
  },
  /** Gauges and their limits read for saturation forecasts (pools, queues). */
  forecast: {
    all: () => ["forecast"] as const,
    metric: (range: RangeKey, request: string) => ["forecast", "metric", range, request] as const,
    labels: (range: RangeKey, name: string, key: string) => ["forecast", "labels", range, name, key] as const,
  },
  /** Who held a pool, the other side of a lock: per trace (no window), per service and for the overview. */
  causes: {
    all: () => ["causes"] as const,
    trace: (traceId: string) => ["causes", "trace", traceId] as const,
    poolWaits: (service: string, range: RangeKey) => ["causes", "poolWaits", service, range] as const,
    recent: (range: RangeKey) => ["causes", "recent", range] as const,
  },
  /** Causes named by joining traces with the audit trail: duplicate deliveries, slow windows and why. */
  findings: {
    all: () => ["findings"] as const,
    duplicates: (range: RangeKey) => ["findings", "duplicates", range] as const,
    slowWindows: (range: RangeKey) => ["findings", "slowWindows", range] as const,
    whySlow: (range: RangeKey, service: string, operation: string | null, thresholdMs: number | null) => ["findings", "whySlow", range, service, operation, thresholdMs] as const,
    /** A trace's duplicate relations grow as later deliveries arrive: no window, but not immutable. */
    traceDeliveries: (traceId: string) => ["findings", "traceDeliveries", traceId] as const,
  },
};

/** True when the key contains a `rangeKey(…)`: it changes by itself when the window slides. */
export function isTimeBoundKey(queryKey: readonly unknown[]): boolean {
  return queryKey.some(
    (part) =>
      typeof part === "object" &&
      part !== null &&
      typeof (part as Partial<RangeKey>).from === "number" &&
      typeof (part as Partial<RangeKey>).to === "number",
  );
}
