import { DECLINED_CARD } from "./services/payment-provider";
import { GOOD_CARD, type BasketItem, type GatewayAnswer, type ShopClient } from "./shop-client";
import type { RequestKind } from "./traffic-shape";

// What one shopper does for each kind of request in the traffic mix: the seeded customers of
// shop-schema.sql browse, fill carts, try coupons, check out (now and then with a card that is
// declined or an expired coupon), look at their orders and sometimes cancel one.

export const CUSTOMERS = Array.from({ length: 16 }, (_, i) => `u-${1001 + i}`);
const PRODUCT_COUNT = 12;
const COUPONS = ["WELCOME10", "SPRING5", "FLASH20", "SUMMER2020"];
const CARDS = [GOOD_CARD, "5555555555554444", "4000056655665556", "378282246310005"];

type Random = () => number;
/** How old an order must be before its shopper may cancel it (the callback comes after ~0.8 s). */
const CANCEL_AFTER_MS = 5_000;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function randomBasket(random: Random): BasketItem[] {
  const count = 1 + Math.floor(random() * 3);
  const ids = new Set<number>();
  while (ids.size < count) ids.add(1 + Math.floor(random() * PRODUCT_COUNT));
  return [...ids].map((productId) => ({ productId, quantity: 1 + Math.floor(random() * 2) }));
}

export class Shoppers {
  /** the last orders each customer placed (and when), so a later request can look at or cancel one */
  private readonly recentOrders = new Map<string, { id: string; placedAtMs: number }[]>();

  constructor(
    private readonly client: ShopClient,
    private readonly random: Random,
  ) {}

  async act(kind: RequestKind): Promise<GatewayAnswer> {
    const { client, random } = this;
    const user = pick(random, CUSTOMERS);
    switch (kind) {
      case "browse":
        return client.request(random() < 0.3 ? undefined : user, "GET", "/products");
      case "product":
        return client.request(random() < 0.3 ? undefined : user, "GET", `/products/${1 + Math.floor(random() * PRODUCT_COUNT)}`);
      case "cart":
        return client.request(user, "POST", "/cart/items", randomBasket(random)[0]);
      case "coupon":
        return client.request(user, "POST", "/coupons/validate", { code: pick(random, COUPONS) });
      case "checkout": {
        const couponCode = random() < 0.3 ? pick(random, COUPONS) : undefined;
        const cardNumber = random() < 0.04 ? DECLINED_CARD : pick(random, CARDS);
        const answer = await client.checkout(user, randomBasket(random), { couponCode, cardNumber });
        if (answer.body.orderId) this.remember(user, answer.body.orderId);
        return answer;
      }
      case "my-orders": {
        const recent = this.recentOrders.get(user);
        return recent?.length && random() < 0.5 ? client.request(user, "GET", `/orders/${pick(random, recent).id}`) : client.request(user, "GET", "/orders");
      }
      case "cancel": {
        // A shopper changes their mind a little after checkout, not before the provider's
        // callback has confirmed the payment: cancelling then would leave a charge no order
        // records as paid, which the consistency rule "Paid payment confirms its order" flags.
        const orderId = this.takeOrderOlderThan(user, CANCEL_AFTER_MS);
        return orderId ? client.request(user, "POST", `/orders/${orderId}/cancel`) : client.request(user, "GET", "/orders");
      }
    }
  }

  /** A crawler ignoring the rate limit: a quick burst of catalogue requests from one client. */
  async crawl(burst: number): Promise<GatewayAnswer[]> {
    return Promise.all(Array.from({ length: burst }, (_, i) => this.client.request("crawler-bot", "GET", `/products/${1 + (i % PRODUCT_COUNT)}`)));
  }

  /** The customer's newest order placed at least `ageMs` ago, forgotten once taken. */
  private takeOrderOlderThan(user: string, ageMs: number): string | undefined {
    const list = this.recentOrders.get(user) ?? [];
    const now = Date.now();
    for (let i = list.length - 1; i >= 0; i--) {
      if (now - list[i]!.placedAtMs >= ageMs) return list.splice(i, 1)[0]!.id;
    }
    return undefined;
  }

  private remember(user: string, orderId: string) {
    const list = this.recentOrders.get(user) ?? [];
    list.push({ id: orderId, placedAtMs: Date.now() });
    if (list.length > 5) list.shift();
    this.recentOrders.set(user, list);
  }
}
