import type { AlertCondition, AlertSource } from "../schemas";
import { evaluateAbsence } from "./evaluate-absence";
import { evaluateConsistencySource } from "./evaluate-consistency";
import { evaluateDatabase } from "./evaluate-database";
import { evaluateJob } from "./evaluate-job";
import { evaluateMetric } from "./evaluate-metric";
import { evaluateRed } from "./evaluate-red";
import { evaluateSloBurn } from "./evaluate-slo-burn";
import type { Db, SourceValue } from "./source-value";

// One rule's source → one value, by kind (one file per kind beside this one).

export async function evaluateSource(db: Db, source: AlertSource, condition: AlertCondition, nowMs: number): Promise<SourceValue> {
  switch (source.kind) {
    case "metric":
      return evaluateMetric(db, source, condition, nowMs);
    case "red":
      return evaluateRed(db, source, nowMs);
    case "consistency":
      return evaluateConsistencySource(db, source, nowMs);
    case "database":
      return evaluateDatabase(db, source, condition, nowMs);
    case "absence":
      return evaluateAbsence(db, source, condition.threshold, nowMs);
    case "job":
      return evaluateJob(db, source, nowMs);
    case "slo-burn":
      return evaluateSloBurn(db, source, nowMs);
  }
}
