import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { errorResponse } from "./error-response";

// Error bodies name what is wrong and carry a request id; what they leave out (the store's own
// text: index names, values, the server's address) is logged under that same id.

const logged = vi.spyOn(console, "error").mockImplementation(() => {});
afterEach(() => logged.mockClear());

async function read(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
  return { status: response.status, body, requestId: response.headers.get("x-request-id"), retryAfter: response.headers.get("retry-after") };
}

const pgError = (message: string, code: string) => Object.assign(new Error(message), { code, severity: "ERROR" });

describe("errorResponse", () => {
  it("answers an ApiError with its status, code and message, and a request id in body and header", async () => {
    const { status, body, requestId } = await read(errorResponse(new ApiError("bad_request", "limit: must be at most 1000")));
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "bad_request", message: "limit: must be at most 1000", requestId });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    errorResponse(new ApiError("bad_request", "malformed JSON: Unexpected token", { cause: new SyntaxError("Unexpected token") }));
    expect(logged).not.toHaveBeenCalled(); // a client's mistake is not the server log's business
  });

  it("sends Retry-After for a retryable ApiError and logs its hidden cause under the request id", async () => {
    const cause = pgError("could not extend file: No space left on device", "53100");
    const response = await read(errorResponse(new ApiError("unavailable", "the store could not take this batch; retry", { retryAfterSeconds: 2, cause })));
    expect(response).toMatchObject({ status: 503, retryAfter: "2" });
    expect(logged).toHaveBeenCalledWith(`[sightline] request ${response.requestId} answered 503 (unavailable): 53100 could not extend file: No space left on device`);
  });

  it("answers an unreachable store with 503 + Retry-After, without its address", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:54329"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });
    const { status, body, retryAfter, requestId } = await read(errorResponse(refused));
    expect({ status, code: body.error.code, retryAfter }).toEqual({ status: 503, code: "unavailable", retryAfter: "2" });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|54329|ECONNREFUSED/);
    expect(logged).toHaveBeenCalledWith(`[sightline] request ${requestId} answered 503 (unavailable): ECONNREFUSED connect ECONNREFUSED 127.0.0.1:54329`);
  });

  it("answers a value PostgreSQL refused (class 22) with 400, without PostgreSQL's text", async () => {
    const { status, body, requestId } = await read(errorResponse(pgError('invalid input syntax for type integer: "twelve"', "22P02")));
    expect({ status, code: body.error.code }).toEqual({ status: 400, code: "bad_request" });
    expect(body.error.message).not.toContain("twelve");
    expect(logged).toHaveBeenCalledWith(`[sightline] request ${requestId} answered 400 (bad_request): 22P02 invalid input syntax for type integer: "twelve"`);
  });

  it("answers anything else with a bare 500 and logs the whole error", async () => {
    const error = pgError('duplicate key value violates unique constraint "spans_trace_span_key"', "23505");
    const { status, body, requestId } = await read(errorResponse(error));
    expect(status).toBe(500);
    expect(body.error).toEqual({ code: "internal", message: "Internal error; see the server log", requestId });
    expect(logged).toHaveBeenCalledWith(`[sightline] request ${requestId} answered 500 (internal):`, error);
  });
});
