import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FetchJsonError, fetchJson } from "./fetch-json";

const schema = z.object({ status: z.string() });

function answer(status: number, body: unknown, contentType = "application/json") {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => Promise.resolve(new Response(text, { status, headers: { "content-type": contentType } })));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<FetchJsonError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchJsonError);
  return error as FetchJsonError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("returns the parsed body and asks for JSON", async () => {
    const fetchMock = answer(200, { status: "ok", extra: 1 });
    await expect(fetchJson("/api/health", schema)).resolves.toEqual({ status: "ok" });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get("accept")).toBe("application/json");
  });

  it("throws the server's message for an error body", async () => {
    answer(400, { error: { code: "bad_request", message: "from: must be before to" } });
    const error = await failure(fetchJson("/api/v1/storage", schema));
    expect(error).toMatchObject({ kind: "api", status: 400, code: "bad_request", message: "from: must be before to" });
  });

  it("reports a failure status without an error body as HTTP", async () => {
    answer(404, "<html>not found</html>", "text/html");
    const error = await failure(fetchJson("/api/v1/storage", schema));
    expect(error).toMatchObject({ kind: "http", status: 404, code: null, url: "/api/v1/storage" });
  });

  it("accepts listed failure statuses as data", async () => {
    answer(503, { status: "unavailable" });
    await expect(fetchJson("/api/health", schema, { acceptStatuses: [503] })).resolves.toEqual({ status: "unavailable" });
  });

  it("still throws an error body on an accepted status when the schema does not match", async () => {
    answer(503, { error: { code: "unavailable", message: "starting" } });
    const error = await failure(fetchJson("/api/health", schema, { acceptStatuses: [503] }));
    expect(error.kind).toBe("invalid_response");
  });

  it("rejects a body that does not match the schema", async () => {
    answer(200, { state: "ok" });
    const error = await failure(fetchJson("/api/health", schema));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("status");
  });

  it("wraps network failures", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    const error = await failure(fetchJson("/api/health", schema));
    expect(error).toMatchObject({ kind: "network", status: null });
  });

  it("lets an abort through unchanged", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))));
    await expect(fetchJson("/api/health", schema)).rejects.toMatchObject({ name: "AbortError" });
  });
});
