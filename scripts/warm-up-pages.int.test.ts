import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecretToken } from "../lib/auth/secret-token";
import { warmUpPages } from "./warm-up-pages";

// The warm-up asks for every page once with a viewer token it stores for the purpose and deletes
// when done. Here a plain HTTP server stands in for Sightline (the pages themselves are checked
// by the e2e suite, whose server warms up at start): it records each request and whether its
// token was, at that moment, a stored viewer token that expires within two minutes.

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const seen: { path: string; tokenValid: boolean }[] = [];
let failOn = "";
const server = http.createServer((request, response) => {
  void (async () => {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const { rows } = await db.query<{ ok: boolean }>(
      `SELECT role = 'viewer' AND expires_at > now() AND expires_at <= now() + interval '2 minutes' AS ok FROM api_tokens WHERE token_hash = $1`,
      [hashSecretToken(token)],
    );
    seen.push({ path: request.url ?? "", tokenValid: rows[0]?.ok === true });
    if (request.url === failOn) return response.writeHead(500).end();
    if (request.url === "/api/v1/services") return response.writeHead(200).end(JSON.stringify({ services: [{ name: "pay ment" }] }));
    if (request.url === "/api/v1/dashboards") return response.writeHead(200).end(JSON.stringify({ dashboards: [{ id: "d-1" }] }));
    response.writeHead(200).end("<html></html>");
  })();
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await db.end();
});

describe("warming the pages up after start", () => {
  it("asks for every page once as a stored viewer, then deletes the token", async () => {
    seen.length = 0;
    const result = await warmUpPages(base, process.env.DATABASE_URL!);
    const pages = seen.filter((s) => !s.path.startsWith("/api/")).map((s) => s.path);
    expect(pages).toEqual(expect.arrayContaining(["/", "/services", "/traces", "/database", "/audit", "/alerts", "/services/pay%20ment", "/dashboards/d-1"]));
    expect(new Set(pages).size).toBe(pages.length);
    expect(result).toMatchObject({ pages: pages.length, failed: [] });
    expect(seen.every((s) => s.tokenValid)).toBe(true);
    const { rows } = await db.query(`SELECT 1 FROM api_tokens WHERE name LIKE 'start-up warm-up%'`);
    expect(rows).toHaveLength(0);
  });

  it("names a page that did not answer and still deletes the token", async () => {
    failOn = "/metrics";
    const result = await warmUpPages(base, process.env.DATABASE_URL!);
    failOn = "";
    expect(result.failed).toEqual(["/metrics"]);
    const { rows } = await db.query(`SELECT 1 FROM api_tokens WHERE name LIKE 'start-up warm-up%'`);
    expect(rows).toHaveLength(0);
  });
});
