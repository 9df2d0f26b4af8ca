import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

// Serves Next.js route handlers from a plain node:http server, so integration tests can point
// real HTTP clients (OpenTelemetry exporters, the db agent) at the real handlers without
// building the app. Paths are matched exactly; `[param]` segments are passed as params.

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type RouteTable = Record<string, Partial<Record<"GET" | "POST" | "DELETE" | "PUT" | "PATCH", Handler>>>;

export interface RouteServer {
  url: string;
  requests: { method: string; path: string; status: number; body: Buffer }[];
  close(): Promise<void>;
}

export async function startRouteServer(routes: RouteTable): Promise<RouteServer> {
  const requests: RouteServer["requests"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const match = matchRoute(routes, url.pathname);
        const handler = match?.handlers[req.method as "GET"];
        let response: Response;
        if (!match || !handler) {
          response = new Response("not found", { status: 404 });
        } else {
          const headers = new Headers();
          for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
          const request = new NextRequest(url, { method: req.method, headers, body: body.length ? body : undefined });
          response = await handler(request, { params: Promise.resolve(match.params) });
        }
        requests.push({ method: req.method ?? "", path: url.pathname, status: response.status, body });
        const headers: http.OutgoingHttpHeaders = Object.fromEntries(response.headers);
        // Headers.entries() folds repeated headers into one; Set-Cookie must stay one per cookie.
        const cookies = response.headers.getSetCookie();
        if (cookies.length) headers["set-cookie"] = cookies;
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function matchRoute(routes: RouteTable, pathname: string) {
  for (const [pattern, handlers] of Object.entries(routes)) {
    const want = pattern.split("/");
    const got = pathname.split("/");
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    if (want.every((part, i) => (part.startsWith("[") ? ((params[part.slice(1, -1)] = decodeURIComponent(got[i]!)), true) : part === got[i]))) {
      return { handlers, params };
    }
  }
  return undefined;
}
