import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OTLP_DESCRIPTOR_PATH, renderOtlpDescriptor } from "./build-otlp-descriptor";
import { otlpTypes } from "./otlp-root";

describe("the committed OTLP descriptor", () => {
  it("is what the vendored .proto files produce (run `npx tsx scripts/gen-otlp-proto.ts` after editing them)", () => {
    expect(readFileSync(OTLP_DESCRIPTOR_PATH, "utf8")).toBe(renderOtlpDescriptor());
  });

  it("carries the newer OTLP fields the decoders rely on", () => {
    const fieldsOf = (name: string) => Object.keys(otlpTypes.span.root.lookupType(name).fields);
    expect(fieldsOf("opentelemetry.proto.logs.v1.LogRecord")).toContain("eventName");
    expect(fieldsOf("opentelemetry.proto.resource.v1.Resource")).toContain("entityRefs");
    expect(fieldsOf("opentelemetry.proto.trace.v1.Span.Link")).toContain("flags");
    expect(fieldsOf("opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint")).toContain("zeroThreshold");
    expect(fieldsOf("opentelemetry.proto.metrics.v1.Metric")).toContain("metadata");
    expect(otlpTypes.logsResponse.lookupType("ExportLogsPartialSuccess").fields.rejectedLogRecords?.id).toBe(1);
  });
});
