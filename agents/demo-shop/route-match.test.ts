import { describe, expect, it } from "vitest";
import { matchRoute, queryOf } from "./route-match";

describe("matchRoute", () => {
  it("matches literal segments and captures parameters", () => {
    expect(matchRoute("/orders/:id/cancel", "/orders/42/cancel")).toEqual({ id: "42" });
    expect(matchRoute("/products", "/products?page=2")).toEqual({});
  });

  it("rejects other paths, other lengths and empty parameters", () => {
    expect(matchRoute("/orders/:id", "/orders")).toBeUndefined();
    expect(matchRoute("/orders/:id", "/orders/")).toBeUndefined();
    expect(matchRoute("/orders/:id", "/payments/1")).toBeUndefined();
  });

  it("decodes parameters", () => {
    expect(matchRoute("/coupons/:code", "/coupons/SPRING%2010")).toEqual({ code: "SPRING 10" });
  });
});

describe("queryOf", () => {
  it("reads the query string", () => {
    expect(queryOf("/orders?customer=u-1&limit=5")).toEqual({ customer: "u-1", limit: "5" });
    expect(queryOf("/orders")).toEqual({});
  });
});
