// The entry file of Sightline's ingest worker threads (piscina needs a file to start a worker
// from). It is plain JavaScript so that a worker starts the same way under `next start` (whose
// bundles cannot be pointed at) and under Vitest: tsx, already a runtime dependency for
// `npm start`, compiles the TypeScript task and resolves the "@/" paths of tsconfig.json.
import { register } from "tsx/esm/api";

register();
const { default: prepareTracesTask } = await import("./prepare-traces-task.ts");

export default prepareTracesTask;
