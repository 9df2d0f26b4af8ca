import { randomBytes } from "node:crypto";
import { otlpTypes } from "../../lib/ingest/otlp/otlp-root";

// Realistic OTLP trace batches for the ingest benchmark: traces of 20 spans across six services
// (a gateway SERVER span fanning out to CLIENT/SERVER pairs and DB calls), ~15 attributes a
// span, 2% errors, one exception event on each error. Fresh ids every call, so nothing is a
// duplicate the store could skip.

const services = ["gateway", "order", "inventory", "payment", "coupon", "notification"];
const routes = ["/checkout", "/orders/:id", "/cart", "/coupons/apply", "/inventory/reserve"];

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: value } });
const dbl = (key: string, value: number) => ({ key, value: { doubleValue: value } });

function spanAttributes(service: string, i: number, isDb: boolean) {
  const common = [
    str("http.request.method", i % 3 ? "GET" : "POST"),
    str("http.route", routes[i % routes.length]!),
    int("http.response.status_code", 200),
    str("url.scheme", "http"),
    str("server.address", `${service}.shop.internal`),
    int("server.port", 8080),
    str("network.protocol.version", "1.1"),
    str("user_agent.original", "shop-client/2.3"),
    str("enduser.id", `user-${i % 5000}`),
    str("order.id", `ord-${randomBytes(4).toString("hex")}`),
    dbl("order.amount", 10 + (i % 90)),
    str("order.currency", "EUR"),
    str("deployment.environment.name", "production"),
    str("thread.name", `worker-${i % 8}`),
    int("retry.count", 0),
  ];
  if (!isDb) return common;
  return [...common.slice(0, 12), str("db.system", "postgresql"), str("db.query.text", "SELECT * FROM orders WHERE id = $1"), str("db.namespace", "shop")];
}

/** One ExportTraceServiceRequest with `spanCount` spans, protobuf-encoded. */
export function makeTraceBatch(spanCount: number, nowMs = Date.now()): Uint8Array {
  const byService = new Map<string, unknown[]>();
  const perTrace = 20;
  for (let t = 0; t < Math.ceil(spanCount / perTrace); t++) {
    const traceId = randomBytes(16);
    const startNs = BigInt(nowMs - 2_000 + t) * 1_000_000n;
    const ids = Array.from({ length: perTrace }, () => randomBytes(8));
    for (let i = 0; i < perTrace && t * perTrace + i < spanCount; i++) {
      const service = services[i === 0 ? 0 : 1 + (i % (services.length - 1))]!;
      const isDb = i % 4 === 3;
      const failed = (t * perTrace + i) % 50 === 7;
      const offset = BigInt(i) * 2_000_000n;
      const duration = BigInt(1_000_000 + ((t * 7919 + i * 104729) % 80_000_000));
      const span = {
        traceId,
        spanId: ids[i],
        parentSpanId: i === 0 ? undefined : ids[i === 1 ? 0 : Math.floor(i / 2)],
        name: isDb ? "SELECT shop.orders" : `${i % 3 ? "GET" : "POST"} ${routes[i % routes.length]}`,
        kind: i === 0 ? 2 : isDb ? 3 : i % 2 ? 3 : 2,
        startTimeUnixNano: (startNs + offset).toString(),
        endTimeUnixNano: (startNs + offset + duration).toString(),
        attributes: spanAttributes(service, t * perTrace + i, isDb),
        status: failed ? { code: 2, message: "upstream returned 503" } : { code: 0 },
        events: failed ? [{ timeUnixNano: (startNs + offset).toString(), name: "exception", attributes: [str("exception.type", "HttpError"), str("exception.message", "upstream returned 503")] }] : [],
      };
      const list = byService.get(service) ?? [];
      list.push(span);
      byService.set(service, list);
    }
  }
  const request = otlpTypes.traceRequest.fromObject({
    resourceSpans: [...byService.entries()].map(([service, spans]) => ({
      resource: { attributes: [str("service.name", service), str("service.version", "2.8.1"), str("host.name", `${service}-7f9c`)] },
      scopeSpans: [{ scope: { name: "@opentelemetry/instrumentation-http", version: "0.57.0" }, spans }],
    })),
  });
  return otlpTypes.traceRequest.encode(request).finish();
}
