import { ROOT_CONTEXT, SpanKind, SpanStatusCode, createContextKey, defaultTextMapGetter, defaultTextMapSetter, trace, type Context, type Histogram, type Meter, type Span, type Tracer } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { HttpError, TimeoutError, recordError } from "./errors";
import { StoppedError } from "./lifecycle";
import type { Network, ServiceAddress } from "./network";
import { matchRoute, queryOf } from "./route-match";
import * as sc from "./semconv";
import { formatTraceparent } from "./sql-comment";
import type { ServiceTelemetry } from "./telemetry";

// One service of the shop: routes it serves, each run inside a SERVER span whose parent comes
// from the caller's traceparent header, and calls to other services, each a CLIENT span whose
// context goes out in the headers. Attributes follow the HTTP semantic conventions; 5xx marks
// a server span failed, any 4xx/5xx a client span (as the conventions say).

export type Method = "GET" | "POST";

export interface ShopRequest {
  method: Method;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ShopResponse<B = unknown> {
  status: number;
  body: B;
  /** `traceresponse` (W3C Trace Context level 2) names the server span that answered */
  headers: Record<string, string>;
}

export interface Incoming {
  method: Method;
  path: string;
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  enduserId: string | undefined;
  span: Span;
  /** the context to start child spans and calls in (the server span is active in it) */
  ctx: Context;
}

export type Handler = (request: Incoming) => Promise<{ status?: number; body?: unknown }>;

const propagator = new W3CTraceContextPropagator();
const ENDUSER = createContextKey("demo-shop.enduser");
export const ENDUSER_HEADER = "x-enduser-id";

/** The end user a request acts for, carried along every call it makes. */
export const enduserOf = (ctx: Context) => ctx.getValue(ENDUSER) as string | undefined;
export const withEnduser = (ctx: Context, id: string) => ctx.setValue(ENDUSER, id);

export class ShopService {
  readonly name: string;
  readonly tracer: Tracer;
  readonly meter: Meter;
  private readonly routes: { method: Method; template: string; handler: Handler }[] = [];
  private readonly serverDuration: Histogram;
  private readonly clientDuration: Histogram;

  constructor(
    readonly telemetry: ServiceTelemetry,
    private readonly network: Network,
    private readonly address: ServiceAddress,
  ) {
    this.name = telemetry.serviceName;
    this.tracer = telemetry.tracer;
    this.meter = telemetry.meter;
    const advice = { explicitBucketBoundaries: sc.DURATION_BUCKETS_S };
    this.serverDuration = this.meter.createHistogram(sc.METRIC_HTTP_SERVER_REQUEST_DURATION, { unit: "s", description: "Duration of HTTP server requests.", advice });
    this.clientDuration = this.meter.createHistogram(sc.METRIC_HTTP_CLIENT_REQUEST_DURATION, { unit: "s", description: "Duration of HTTP client requests.", advice });
    network.register(this, address);
  }

  handle(method: Method, template: string, handler: Handler): void {
    this.routes.push({ method, template, handler });
  }

  findRoute(method: string, path: string) {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchRoute(route.template, path);
      if (params) return { ...route, params };
    }
    return undefined;
  }

  async serve(request: ShopRequest): Promise<ShopResponse> {
    const headers = request.headers ?? {};
    const enduserId = headers[ENDUSER_HEADER];
    let parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    if (enduserId) parent = withEnduser(parent, enduserId);
    const match = this.findRoute(request.method, request.path);
    const route = match?.template;
    const span = this.tracer.startSpan(route ? `${request.method} ${route}` : request.method, {
      kind: SpanKind.SERVER,
      attributes: {
        [sc.ATTR_HTTP_REQUEST_METHOD]: request.method,
        ...(route ? { [sc.ATTR_HTTP_ROUTE]: route } : {}),
        [sc.ATTR_URL_PATH]: request.path.split("?")[0],
        [sc.ATTR_URL_SCHEME]: this.address.scheme,
        [sc.ATTR_SERVER_ADDRESS]: this.address.host,
        [sc.ATTR_SERVER_PORT]: this.address.port,
        ...(enduserId ? { [sc.ATTR_ENDUSER_ID]: enduserId } : {}),
      },
    }, parent);
    const started = performance.now();
    let status: number;
    let body: unknown;
    let recorded = false;
    try {
      if (!match) throw new HttpError(404, `no route for ${request.method} ${request.path}`);
      const reply = await match.handler({
        method: request.method,
        path: request.path,
        route: match.template,
        params: match.params,
        query: queryOf(request.path),
        body: request.body,
        enduserId,
        span,
        ctx: trace.setSpan(parent, span),
      });
      status = reply.status ?? 200;
      body = reply.body ?? null;
    } catch (error) {
      status = error instanceof HttpError ? error.status : error instanceof StoppedError ? 503 : 500;
      body = { error: (error as Error).message };
      if (status >= 500) {
        recordError(span, error instanceof HttpError && error.cause ? error.cause : error);
        recorded = true;
      }
    }
    span.setAttribute(sc.ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    if (status >= 500 && !recorded) {
      // A 5xx passed on from downstream (nothing thrown here) fails this span too, with its message.
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessageOf({ status, body, headers: {} }) ?? `HTTP ${status}` });
      span.setAttribute(sc.ATTR_ERROR_TYPE, String(status));
    }
    span.end();
    this.serverDuration.record((performance.now() - started) / 1000, {
      [sc.ATTR_HTTP_REQUEST_METHOD]: request.method,
      [sc.ATTR_HTTP_ROUTE]: route ?? "",
      [sc.ATTR_HTTP_RESPONSE_STATUS_CODE]: status,
    });
    return { status, body, headers: { traceresponse: formatTraceparent(span.spanContext()) } };
  }

  /** Calls another service; with `timeoutMs`, gives up with a TimeoutError (the callee carries on). */
  async call<B = unknown>(ctx: Context, target: string, request: ShopRequest, options: { timeoutMs?: number } = {}): Promise<ShopResponse<B>> {
    const address = this.network.addressOf(target);
    const route = this.network.routeOf(target, request.method, request.path) ?? request.path.split("?")[0]!;
    const span = this.tracer.startSpan(`${request.method} ${route}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        [sc.ATTR_HTTP_REQUEST_METHOD]: request.method,
        [sc.ATTR_URL_FULL]: `${address.scheme}://${address.host}:${address.port}${request.path}`,
        [sc.ATTR_URL_TEMPLATE]: route,
        [sc.ATTR_SERVER_ADDRESS]: address.host,
        [sc.ATTR_SERVER_PORT]: address.port,
        [sc.ATTR_PEER_SERVICE]: target,
      },
    }, ctx);
    const headers: Record<string, string> = { ...request.headers };
    propagator.inject(trace.setSpan(ctx, span), headers, defaultTextMapSetter);
    const enduserId = enduserOf(ctx);
    if (enduserId) headers[ENDUSER_HEADER] = enduserId;
    const started = performance.now();
    let status: number | undefined;
    let errorType: string | undefined;
    try {
      const delivery = this.network.deliver(target, { ...request, headers });
      const response = options.timeoutMs
        ? await withTimeout(delivery, options.timeoutMs, `${request.method} ${route} to ${target} timed out after ${options.timeoutMs} ms`)
        : await delivery;
      status = response.status;
      span.setAttribute(sc.ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 400) {
        span.setAttribute(sc.ATTR_ERROR_TYPE, String(status));
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessageOf(response) ?? `HTTP ${status}` });
      }
      return response as ShopResponse<B>;
    } catch (error) {
      errorType = (error as Error).name;
      recordError(span, error);
      throw error;
    } finally {
      span.end();
      this.clientDuration.record((performance.now() - started) / 1000, {
        [sc.ATTR_HTTP_REQUEST_METHOD]: request.method,
        [sc.ATTR_SERVER_ADDRESS]: address.host,
        ...(status ? { [sc.ATTR_HTTP_RESPONSE_STATUS_CODE]: status } : {}),
        ...(errorType ? { [sc.ATTR_ERROR_TYPE]: errorType } : {}),
      });
    }
  }

  /** Calls and insists on success: a 4xx/5xx answer is rethrown with the callee's status and message. */
  async callOk<B = unknown>(ctx: Context, target: string, request: ShopRequest, options: { timeoutMs?: number } = {}): Promise<B> {
    const response = await this.call<B>(ctx, target, request, options);
    if (response.status >= 400) throw new HttpError(response.status, errorMessageOf(response) ?? `${target} answered ${response.status}`);
    return response.body;
  }
}

export function errorMessageOf(response: ShopResponse): string | undefined {
  const error = (response.body as { error?: unknown } | null)?.error;
  return typeof error === "string" ? error : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  promise.catch(() => {}); // the callee may still fail after we stopped waiting
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
