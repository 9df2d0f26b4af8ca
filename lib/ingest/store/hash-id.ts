import { createHash } from "node:crypto";

/** A stable signed 64-bit id (as a decimal string, for bigint columns) from the given parts. */
export function hashId(...parts: string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest().readBigInt64BE(0).toString();
}

/** JSON with object keys sorted, so equal attribute sets hash equally whatever their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
