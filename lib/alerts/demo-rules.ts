import type { AlertRuleBody } from "./schemas";

// The alert rules created for the demo shop at start (ensure-demo-rules.ts), each once by its
// key: the batch job the shop runs every minute (agents/demo-shop/batch-jobs.ts) and the
// payment service going quiet. No contact points: the rules show on the alerts page and in
// history; a user adds where to send them.

export const DEMO_ALERT_RULES: { key: string; body: Omit<AlertRuleBody, "source"> & { source: unknown } }[] = [
  {
    key: "demo.expire-unpaid-orders-missed",
    body: {
      name: "expire-unpaid-orders missed",
      description: "The order service's minutely batch job failed its last run or has not run when it was due (2 minutes of grace).",
      enabled: true,
      source: { kind: "job", job: "expire-unpaid-orders", service: "order", graceSeconds: 120 },
      condition: { op: "above", threshold: 0.5 },
      forSeconds: 0,
      everySeconds: 60,
      labels: { team: "orders", severity: "warning" },
      contactIds: [],
      openIncident: false,
      incidentSeverity: "major",
    },
  },
  {
    key: "demo.payment-no-spans",
    body: {
      name: "no spans from payment for 5 min",
      description: "The payment service has sent no span for five minutes: it is down, or its telemetry is.",
      enabled: true,
      source: { kind: "absence", service: "payment", successOnly: false },
      condition: { op: "above", threshold: 300 },
      forSeconds: 0,
      everySeconds: 30,
      labels: { team: "payments", severity: "critical" },
      contactIds: [],
      openIncident: false,
      incidentSeverity: "major",
    },
  },
];
