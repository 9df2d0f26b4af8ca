import { describe, expect, it } from "vitest";
import { isTimeoutSpan } from "./classify-timeout";
import type { Attributes, SpanEventRecord } from "./otlp/model";

const span = (attributes: Attributes, status: { code: 0 | 1 | 2; message: string } = { code: 0, message: "" }, events: SpanEventRecord[] = []) => ({ attributes, status, events });
const exception = (type: string, message = ""): SpanEventRecord => ({ timeUnixNano: 1n, name: "exception", attributes: { "exception.type": type, "exception.message": message }, droppedAttributesCount: 0 });

describe("isTimeoutSpan", () => {
  it("counts HTTP 408/504 and gRPC DEADLINE_EXCEEDED", () => {
    expect(isTimeoutSpan(span({ "http.response.status_code": 504 }))).toBe(true);
    expect(isTimeoutSpan(span({ "http.status_code": "408" }))).toBe(true);
    expect(isTimeoutSpan(span({ "rpc.grpc.status_code": 4 }))).toBe(true);
    expect(isTimeoutSpan(span({ "http.response.status_code": 500 }, { code: 2, message: "boom" }))).toBe(false);
  });

  it("counts errors whose message, error.type or exception says timeout", () => {
    expect(isTimeoutSpan(span({}, { code: 2, message: "payment provider timed out after 5000ms" }))).toBe(true);
    expect(isTimeoutSpan(span({ "error.type": "TimeoutError" }, { code: 2, message: "" }))).toBe(true);
    expect(isTimeoutSpan(span({}, { code: 2, message: "" }, [exception("Error", "context deadline exceeded")]))).toBe(true);
    expect(isTimeoutSpan(span({}, { code: 2, message: "" }, [exception("ETIMEDOUT")]))).toBe(true);
    expect(isTimeoutSpan(span({}, { code: 2, message: "card declined" }, [exception("CardError", "declined")]))).toBe(false);
  });

  it("ignores timeout words on spans that did not fail, and honours sightline.timeout", () => {
    expect(isTimeoutSpan(span({ "error.type": "TimeoutError" }, { code: 1, message: "" }))).toBe(false);
    expect(isTimeoutSpan(span({ "sightline.timeout": true }))).toBe(true);
  });
});
