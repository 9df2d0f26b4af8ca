import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ApiError, type ErrorCode } from "@/lib/http/api-error";
import { readOtlpBody } from "./read-otlp-body";

const URL_ = "http://sightline.test/api/otlp/v1/traces";
const MB = 1024 * 1024;

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  return new Request(URL_, { method: "POST", body, headers });
}

async function failure(promise: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { code: (error as ApiError).code, message: (error as ApiError).message };
  }
  throw new Error("expected readOtlpBody to fail");
}

describe("readOtlpBody", () => {
  it.each([
    ["application/x-protobuf", "protobuf"],
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    ["Application/X-Protobuf ; foo=bar", "protobuf"],
  ])("reads %s as %s", async (contentType, encoding) => {
    const result = await readOtlpBody(post(Uint8Array.from([1, 2, 3]), { "content-type": contentType }), { maxBytes: 10 });
    expect(result.encoding).toBe(encoding);
    expect(Array.from(result.bytes)).toEqual([1, 2, 3]);
  });

  it.each([["text/plain"], ["application/protobuf"], [""]])("refuses Content-Type %j with 415", async (contentType) => {
    const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
    const { code, message } = await failure(readOtlpBody(post("x", headers), { maxBytes: 10 }));
    expect(code).toBe("unsupported_media_type");
    expect(message).toMatch(/^Content-Type must be application\/x-protobuf or application\/json, got /);
  });

  it("inflates gzip (and its x-gzip alias), and passes identity through", async () => {
    const payload = Buffer.from("{\"resourceSpans\":[]}");
    for (const coding of ["gzip", "GZIP", "x-gzip", "identity, gzip"]) {
      const request = post(gzipSync(payload), { "content-type": "application/json", "content-encoding": coding });
      expect(Buffer.from((await readOtlpBody(request, { maxBytes: 100 })).bytes).toString()).toBe(payload.toString());
    }
    const plain = post(payload, { "content-type": "application/json", "content-encoding": "identity" });
    expect(Buffer.from((await readOtlpBody(plain, { maxBytes: 100 })).bytes).toString()).toBe(payload.toString());
  });

  it.each([["br"], ["deflate"], ["gzip, br"]])("refuses Content-Encoding %j with 415 naming it", async (coding) => {
    const request = post("x", { "content-type": "application/json", "content-encoding": coding });
    const { code, message } = await failure(readOtlpBody(request, { maxBytes: 10 }));
    expect(code).toBe("unsupported_media_type");
    expect(message).toBe(`Content-Encoding "${coding}" is not supported; use gzip or identity`);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = post("tiny", { "content-type": "application/x-protobuf", "content-length": String(6 * MB) });
    const { code, message } = await failure(readOtlpBody(request, { maxBytes: 5 * MB }));
    expect(code).toBe("payload_too_large");
    expect(message).toContain(`${6 * MB} bytes exceeds the limit of ${5 * MB}`);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const chunk = new Uint8Array(64 * 1024);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close(); // 64 MB if read to the end
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/x-protobuf" },
      duplex: "half",
    } as RequestInit);
    const { code } = await failure(readOtlpBody(request, { maxBytes: MB }));
    expect(code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(40);
  });

  it("accepts a body of exactly maxBytes, compressed or not", async () => {
    const exact = Buffer.alloc(1000, 7);
    expect((await readOtlpBody(post(exact, { "content-type": "application/x-protobuf" }), { maxBytes: 1000 })).bytes).toHaveLength(1000);
    const gz = post(gzipSync(exact), { "content-type": "application/x-protobuf", "content-encoding": "gzip" });
    expect((await readOtlpBody(gz, { maxBytes: 1000 })).bytes).toHaveLength(1000);
  });

  it("stops a gzip bomb while inflating, without holding its output", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * MB), { level: 9 });
    expect(bomb.length).toBeLessThan(MB); // small enough to pass the raw limit
    const request = post(bomb, { "content-type": "application/x-protobuf", "content-encoding": "gzip" });
    const before = process.memoryUsage().arrayBuffers;
    const { code, message } = await failure(readOtlpBody(request, { maxBytes: 5 * MB }));
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(code).toBe("payload_too_large");
    expect(message).toBe(`decompressed request body exceeds the limit of ${5 * MB} bytes`);
    // Had the 50 MB been inflated, it would still be allocated right now (nothing ran a GC).
    expect(grown).toBeLessThan(20 * MB);
  });

  it.each([
    ["garbage", Buffer.from("definitely not gzip")],
    ["a truncated stream", gzipSync(Buffer.alloc(10_000, 1)).subarray(0, 30)],
  ])("reports %s as a corrupt gzip body (400)", async (_case, body) => {
    const request = post(body, { "content-type": "application/json", "content-encoding": "gzip" });
    const { code, message } = await failure(readOtlpBody(request, { maxBytes: MB }));
    expect(code).toBe("bad_request");
    expect(message).toMatch(/^corrupt gzip body: /);
  });

  it("reads an absent body as empty", async () => {
    const request = new Request(URL_, { method: "POST", headers: { "content-type": "application/x-protobuf", "content-encoding": "gzip" } });
    expect((await readOtlpBody(request, { maxBytes: 10 })).bytes).toHaveLength(0);
  });

  /** Hands out `chunks` one read at a time, then fails with `thenError` or never ends. */
  const dribble = (chunks: Uint8Array[], thenError?: Error) =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else if (thenError) controller.error(thenError);
        else return new Promise(() => {}); // a sender that stopped sending
      },
    });
  const streamed = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    new Request(URL_, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);

  it("answers 408 when the body does not arrive within the deadline, naming how much did", async () => {
    const { code, message } = await failure(readOtlpBody(streamed(dribble([Uint8Array.from([1, 2, 3])]), { "content-length": "50" }), { maxBytes: 100, deadlineMs: 50 }));
    expect(code).toBe("request_timeout");
    expect(message).toBe("the request body did not arrive within 0.05 s (3 of 50 bytes received); send smaller batches or check the network");
  });

  it("answers 400 when the sender goes away mid-body", async () => {
    const { code, message } = await failure(readOtlpBody(streamed(dribble([Uint8Array.from([1, 2])], new Error("aborted"))), { maxBytes: 100 }));
    expect(code).toBe("bad_request");
    expect(message).toBe("the request body ended before it was complete (2 bytes received)");
  });

  it("accounts every chunk held, raw and inflated, and stops when the account refuses", async () => {
    const taken: number[] = [];
    const gz = gzipSync(Buffer.alloc(1000, 0x20));
    await readOtlpBody(post(gz, { "content-type": "application/json", "content-encoding": "gzip" }), { maxBytes: 10 * MB, take: (n) => taken.push(n) });
    expect(taken).toEqual([gz.length, 1000]);
    const refusing = () => {
      throw new ApiError("unavailable", "over budget");
    };
    expect(await failure(readOtlpBody(post("{}", { "content-type": "application/json" }), { maxBytes: 10, take: refusing }))).toEqual({ code: "unavailable", message: "over budget" });
  });
});
