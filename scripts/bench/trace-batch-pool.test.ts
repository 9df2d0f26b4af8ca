import { describe, expect, it } from "vitest";
import { decodeTraces } from "../../lib/ingest/otlp/decode-traces";
import { TraceBatchPool } from "./trace-batch-pool";

describe("TraceBatchPool", () => {
  it("patches copies whose ids are fresh and unique, with parents in the same trace", () => {
    const pool = new TraceBatchPool(2, 60);
    expect(pool.checkPatching()).toContain("60 spans in 3 traces");
  });

  it("hands out copies the server decodes as new spans, times near now", () => {
    const pool = new TraceBatchPool(2, 60);
    const now = new Date(Date.now() + 90_000);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const decoded = decodeTraces(pool.take(now.getTime()), "protobuf", { now });
      expect(decoded.rejected).toBe(0);
      expect(decoded.records).toHaveLength(60);
      for (const span of decoded.records) {
        expect(seen.has(span.spanId)).toBe(false);
        seen.add(span.spanId);
        expect(Math.abs(Number(span.startTimeUnixNano / 1_000_000n) - now.getTime())).toBeLessThan(5_000);
      }
    }
  });
});
