import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

// Serves Next.js route handlers from a plain node:http server, so integration tests can point
// real HTTP clients (OpenTelemetry exporters, the db agent) at the real handlers without
// building the app. Paths are matched exactly; `[param]` segments are passed as params.
// As in Next.js, the handler is called once the headers are in and reads the body as a stream
// while it arrives, so a slow sender is seen by the handler as it would be in production.

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
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const chunks: Buffer[] = [];
      const entry = { method: req.method ?? "", path: url.pathname, status: 0, body: Buffer.alloc(0) };
      const body = streamBody(req, chunks);
      req.on("end", () => (entry.body = Buffer.concat(chunks)));
      const match = matchRoute(routes, url.pathname);
      const handler = match?.handlers[req.method as "GET"];
      let response: Response;
      if (!match || !handler) {
        response = new Response("not found", { status: 404 });
      } else {
        const headers = new Headers();
        for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const request = new NextRequest(url, { method: req.method, headers, body: hasBody ? body : undefined, duplex: "half" });
        response = await handler(request, { params: Promise.resolve(match.params) });
      }
      entry.status = response.status;
      if (req.complete) entry.body = Buffer.concat(chunks);
      requests.push(entry);
      const responseHeaders: http.OutgoingHttpHeaders = Object.fromEntries(response.headers);
      // Headers.entries() folds repeated headers into one; Set-Cookie must stay one per cookie.
      const cookies = response.headers.getSetCookie();
      if (cookies.length) responseHeaders["set-cookie"] = cookies;
      res.writeHead(response.status, responseHeaders);
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
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

/** The request body as a web stream fed as it arrives; every chunk is also kept in `chunks`. */
function streamBody(req: http.IncomingMessage, chunks: Buffer[]): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        if (open) controller.enqueue(new Uint8Array(chunk));
      });
      req.on("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.on("error", (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    // The handler stopped reading (a limit or a deadline): keep draining so the answer can be sent.
    cancel() {
      open = false;
    },
  });
}
