// Per-item validation shared by the three decoders. An item that fails is rejected on its own
// (OTLP partial success); the request as a whole only fails when it cannot be parsed at all.

import { ItemRejection } from "../field-limits";
import { bytesToHex, isAllZero } from "./ids";

export { ItemRejection, requireTime, type TimeWindow, timeWindow } from "../field-limits";

/** Every limit the OTLP decoders enforce beyond the store's own (../field-limits.ts), in one place. */
export const OTLP_LIMITS = {
  /** A top-level attribute value is depth 1; each array or kvlist level adds one. */
  maxAttributeDepth: 8,
  /** UTF-8 bytes of one string value (and raw bytes of one bytes value). */
  maxStringValueBytes: 64 * 1024,
  /** Attributes on one item (span, event, link, data point, log record, resource, scope). */
  maxAttributesPerItem: 1024,
  /** Rejection and warning messages kept per request; the count is always exact. */
  maxErrorMessages: 5,
} as const;

export interface DecodeOptions {
  /** The receiving clock; injectable so tests can pin it. */
  now?: Date;
}

/** A required id: exactly `length` bytes and not all zeros. */
export function requireId(field: string, bytes: Uint8Array, length: 16 | 8): string {
  if (bytes.length !== length) throw new ItemRejection(`${field} must be ${length} bytes, got ${bytes.length}`);
  if (isAllZero(bytes)) throw new ItemRejection(`${field} must not be all zeros`);
  return bytesToHex(bytes);
}

/**
 * An optional id the spec tells receivers to ignore when invalid (log and exemplar trace
 * context): null unless exactly `length` bytes and not all zeros.
 */
export function optionalId(bytes: Uint8Array, length: 16 | 8): string | null {
  return bytes.length === length && !isAllZero(bytes) ? bytesToHex(bytes) : null;
}

/** Counts rejected items and keeps the first few reasons, then the first few warnings. */
export class Rejections {
  count = 0;
  private readonly reasons: string[] = [];
  private readonly warnings: string[] = [];

  reject(items: number, message: string): void {
    if (items <= 0) return;
    this.count += items;
    if (this.reasons.length < OTLP_LIMITS.maxErrorMessages) this.reasons.push(message);
  }

  /** A note for the sender about an item that was stored in a changed form (counts nothing). */
  warn(message: string): void {
    if (this.warnings.length < OTLP_LIMITS.maxErrorMessages) this.warnings.push(message);
  }

  /** What the answer's error_message holds: why items were refused first, then warnings. */
  get messages(): string[] {
    return [...this.reasons, ...this.warnings].slice(0, OTLP_LIMITS.maxErrorMessages);
  }

  /** Records `error` against `items` items when it is an ItemRejection; rethrows anything else. */
  absorb(error: unknown, items: number, where: string): void {
    if (!(error instanceof ItemRejection)) throw error;
    this.reject(items, `${where}: ${error.message}`);
  }
}
