import type { Network } from "./network";
import { ENDUSER_HEADER, type Method } from "./service";

// How shoppers (the traffic generator, the scenarios) reach the shop: requests to the gateway
// from outside, untraced like a browser. The answer names the trace the gateway started
// (its `traceresponse` header), so a scenario can say exactly which traces it produced.

export interface GatewayAnswer<B = unknown> {
  status: number;
  body: B;
  traceId: string | undefined;
  durationMs: number;
}

export interface BasketItem {
  productId: number;
  quantity: number;
}

export const GOOD_CARD = "4242424242424242";

export class ShopClient {
  constructor(private readonly network: Network) {}

  async request<B = unknown>(user: string | undefined, method: Method, path: string, body?: unknown): Promise<GatewayAnswer<B>> {
    const started = performance.now();
    const response = await this.network.deliver("gateway", { method, path, body, headers: user ? { [ENDUSER_HEADER]: user } : {} });
    return {
      status: response.status,
      body: response.body as B,
      traceId: response.headers.traceresponse?.split("-")[1],
      durationMs: performance.now() - started,
    };
  }

  checkout(user: string, items: BasketItem[], options: { couponCode?: string; cardNumber?: string } = {}) {
    return this.request<{ orderId?: string; error?: string }>(user, "POST", "/checkout", {
      items,
      cardNumber: options.cardNumber ?? GOOD_CARD,
      ...(options.couponCode ? { couponCode: options.couponCode } : {}),
    });
  }
}
