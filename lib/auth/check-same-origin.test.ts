import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./check-same-origin";

const url = "http://sightline.local:3000/api/v1/ingest-keys";
const check = (method: string, headers: Record<string, string>) => checkSameOrigin(method, url, new Headers({ host: "sightline.local:3000", ...headers }));

describe("checkSameOrigin", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(check("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toEqual({ ok: true });
  });

  it("accepts a same-origin POST from the app's own pages", () => {
    expect(check("POST", { origin: "http://sightline.local:3000", "sec-fetch-site": "same-origin" })).toEqual({ ok: true });
  });

  it("refuses a cross-site form post, text/plain or not", () => {
    const verdict = check("POST", { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" });
    expect(verdict).toMatchObject({ ok: false });
    expect(!verdict.ok && verdict.reason).toContain("cross-site");
  });

  it("refuses a sibling site and an opaque origin", () => {
    expect(check("DELETE", { "sec-fetch-site": "same-site" }).ok).toBe(false);
    expect(check("POST", { origin: "null" }).ok).toBe(false);
    expect(check("POST", { origin: "http://sightline.local:4000" }).ok).toBe(false);
  });

  it("accepts a program's request that carries neither header", () => {
    expect(check("POST", {})).toEqual({ ok: true });
  });

  it("compares with the host a reverse proxy forwarded", () => {
    const headers = new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "obs.example.com", origin: "https://obs.example.com" });
    expect(checkSameOrigin("POST", "http://127.0.0.1:3000/api/v1/users", headers)).toEqual({ ok: true });
  });
});
