// The entry file of Sightline's ingest worker threads (piscina needs a file to start a worker
// from). It is plain JavaScript so that a worker starts the same way under `next start` (whose
// bundles cannot be pointed at) and under Vitest: tsx, already a runtime dependency for
// `npm start`, compiles the TypeScript tasks and resolves the "@/" paths of tsconfig.json.
// The pool picks a task by its export name (piscina's `name`); the default one is traces'.
import { register } from "tsx/esm/api";

register();
const tasks = await import("./prepare-task.ts");

export default tasks.prepareTracesTask;
export const prepareTraces = tasks.prepareTracesTask;
export const prepareMetrics = tasks.prepareMetricsTask;
export const prepareLogs = tasks.prepareLogsTask;
