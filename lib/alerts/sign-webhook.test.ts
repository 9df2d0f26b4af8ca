import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./sign-webhook";
import { retryDelayMs } from "./retry-delay";

describe("webhook signature", () => {
  it("is the HMAC-SHA256 of t.body, and verifies only with the secret, the body and a fresh t", () => {
    const header = signWebhook("s3cret-s3cret-s3cret", '{"a":1}', 1_700_000_000);
    expect(header).toBe(`t=1700000000,v1=${createHmac("sha256", "s3cret-s3cret-s3cret").update('1700000000.{"a":1}').digest("hex")}`);
    expect(verifyWebhookSignature("s3cret-s3cret-s3cret", '{"a":1}', header, 1_700_000_010)).toBe(true);
    expect(verifyWebhookSignature("other-secret-other", '{"a":1}', header, 1_700_000_010)).toBe(false);
    expect(verifyWebhookSignature("s3cret-s3cret-s3cret", '{"a":2}', header, 1_700_000_010)).toBe(false);
    expect(verifyWebhookSignature("s3cret-s3cret-s3cret", '{"a":1}', header, 1_700_001_000)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("waits 10 s, 30 s, 90 s, … and gives up after 8 attempts", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([10_000, 30_000, 90_000, 270_000]);
    expect(retryDelayMs(8)).toBeNull();
  });
});
