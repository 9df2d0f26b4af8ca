import { z } from "zod";
import { HttpError } from "../errors";
import { parseBody } from "../parse-body";
import type { RateLimiter } from "../rate-limiter";
import * as sc from "../semconv";
import type { Handler, Incoming, Method, ShopService } from "../service";

// The edge: authenticates the shopper (the x-enduser-id header stands in for a session),
// limits each one's request rate, and forwards to the services behind it. Its SERVER spans
// are the roots of the shop's traces, and its answers are what a shopper sees.

const CartItem = z.object({ productId: z.number().int().positive(), quantity: z.number().int().min(1).max(10) });
const CheckoutBody = z.object({
  items: z.array(CartItem).min(1).max(5),
  couponCode: z.string().min(1).max(40).optional(),
  cardNumber: z.string().regex(/^\d{12,19}$/),
});
const CouponBody = z.object({ code: z.string().min(1).max(40) });
const AdjustBody = z.object({ delta: z.number().int(), orderIds: z.array(z.string().regex(/^\d+$/)).max(50).default([]) });

export function createGateway(service: ShopService, limiter: RateLimiter): void {
  const rejections = service.meter.createCounter(sc.METRIC_RATE_LIMITER_REJECTIONS, { unit: "{request}", description: "Requests rejected by the gateway's per-user rate limiter." });
  rejections.add(0, { "shop.rate_limiter.name": "per-user" });

  const route = (method: Method, template: string, handler: Handler, options: { anonymous?: boolean } = {}) =>
    service.handle(method, template, async (request) => {
      const user = request.enduserId;
      if (!user && !options.anonymous) throw new HttpError(401, "sign in first");
      if (!limiter.tryTake(user ?? "anonymous", Date.now())) {
        rejections.add(1, { "shop.rate_limiter.name": "per-user", [sc.ATTR_HTTP_ROUTE]: template });
        return { status: 429, body: { error: "too many requests" } };
      }
      return handler(request);
    });

  const forward = async (request: Incoming, target: string, path: string, options: { body?: unknown; method?: Method } = {}) => {
    const response = await service.call(request.ctx, target, { method: options.method ?? request.method, path, body: options.body });
    return { status: response.status, body: response.body };
  };

  route("GET", "/products", (r) => forward(r, "inventory", "/products"), { anonymous: true });
  route("GET", "/products/:id", (r) => forward(r, "inventory", `/products/${r.params.id}`), { anonymous: true });

  route("POST", "/cart/items", async (r) => {
    const item = parseBody(CartItem, r.body);
    const stock = await service.callOk<{ onHand: number }>(r.ctx, "inventory", { method: "GET", path: `/inventory/${item.productId}` });
    if (stock.onHand < item.quantity) return { status: 409, body: { error: `only ${stock.onHand} left` } };
    return { status: 201, body: { added: item } };
  });

  route("POST", "/coupons/validate", async (r) => {
    const { code } = parseBody(CouponBody, r.body);
    r.span.setAttribute(sc.ATTR_COUPON_ID, code);
    return forward(r, "coupon", `/coupons/${encodeURIComponent(code)}`, { method: "GET" });
  });

  route("POST", "/checkout", async (r) => {
    const body = parseBody(CheckoutBody, r.body);
    if (body.couponCode) r.span.setAttribute(sc.ATTR_COUPON_ID, body.couponCode);
    const response = await forward(r, "order", "/orders", { body });
    const placed = response.body as { orderId?: string; totalCents?: number; currency?: string } | null;
    if (placed?.orderId) r.span.setAttribute(sc.ATTR_ORDER_ID, placed.orderId);
    if (typeof placed?.totalCents === "number") r.span.setAttribute(sc.ATTR_ORDER_AMOUNT, placed.totalCents / 100);
    if (placed?.currency) r.span.setAttribute(sc.ATTR_ORDER_CURRENCY, placed.currency);
    return response;
  });

  route("GET", "/orders", (r) => forward(r, "order", `/orders?customer=${encodeURIComponent(r.enduserId!)}`));
  route("GET", "/orders/:id", (r) => forward(r, "order", `/orders/${r.params.id}`));
  route("POST", "/orders/:id/cancel", (r) => {
    r.span.setAttribute(sc.ATTR_ORDER_ID, r.params.id!);
    return forward(r, "order", `/orders/${r.params.id}/cancel`);
  });

  route("GET", "/admin/reports/sales", (r) => forward(r, "order", "/reports/sales"));
  route("POST", "/admin/inventory/:productId/adjust", (r) => forward(r, "inventory", `/inventory/${r.params.productId}/adjust`, { body: parseBody(AdjustBody, r.body) }));
}
