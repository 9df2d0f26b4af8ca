// Regenerates lib/ingest/otlp/otlp-descriptor.json from the vendored .proto files.
// Run after changing anything under lib/ingest/otlp/proto/: `npx tsx scripts/gen-otlp-proto.ts`.
// The unit test `otlp-descriptor.test.ts` fails while the committed file is stale.

import { writeFileSync } from "node:fs";
import { OTLP_DESCRIPTOR_PATH, renderOtlpDescriptor } from "@/lib/ingest/otlp/build-otlp-descriptor";

writeFileSync(OTLP_DESCRIPTOR_PATH, renderOtlpDescriptor());
console.log(`wrote ${OTLP_DESCRIPTOR_PATH}`);
