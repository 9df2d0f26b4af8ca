import { describe, expect, it } from "vitest";
import { describeStatement } from "./describe-statement";

describe("describeStatement", () => {
  it.each([
    ["SELECT id, price_cents FROM products WHERE id = ANY($1)", "SELECT", "products", "SELECT products"],
    ["  insert into order_items (order_id) SELECT 1", "INSERT", "order_items", "INSERT order_items"],
    ["UPDATE inventory SET on_hand = on_hand - $2 WHERE product_id = $1", "UPDATE", "inventory", "UPDATE inventory"],
    ["DELETE FROM coupon_redemptions WHERE id = $1", "DELETE", "coupon_redemptions", "DELETE coupon_redemptions"],
    ["BEGIN; SET LOCAL sightline.actor = 'u-1'", "BEGIN", undefined, "BEGIN"],
    ["COMMIT", "COMMIT", undefined, "COMMIT"],
    ["SELECT pg_sleep($1)", "SELECT", undefined, "SELECT"],
  ])("%s", (sql, operationName, collectionName, spanName) => {
    expect(describeStatement(sql)).toEqual({ operationName, collectionName, spanName });
  });
});
