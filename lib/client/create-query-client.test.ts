import { describe, expect, it } from "vitest";
import { shouldRetryQuery } from "./create-query-client";
import { FetchJsonError } from "./fetch-json";

const error = (kind: FetchJsonError["kind"], status: number | null) => new FetchJsonError({ kind, message: "x", url: "/api/x", status });

describe("shouldRetryQuery", () => {
  it("retries lost connections and server errors, twice at most", () => {
    expect(shouldRetryQuery(0, error("network", null))).toBe(true);
    expect(shouldRetryQuery(1, error("api", 503))).toBe(true);
    expect(shouldRetryQuery(2, error("api", 503))).toBe(false);
  });

  it("does not retry client errors or unreadable responses", () => {
    expect(shouldRetryQuery(0, error("http", 404))).toBe(false);
    expect(shouldRetryQuery(0, error("api", 400))).toBe(false);
    expect(shouldRetryQuery(0, error("invalid_response", 200))).toBe(false);
    expect(shouldRetryQuery(0, error("invalid_response", 500))).toBe(false);
  });
});
