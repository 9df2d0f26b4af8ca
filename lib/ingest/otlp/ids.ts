// Trace and span ids: bytes on the protobuf wire, lowercase hex everywhere else
// (OTLP/JSON, the store, the API). Buffer's native hex codec is used both ways because it is
// several times faster than a JS loop at the rate spans arrive.

const HEX_PATTERN = /^(?:[0-9a-fA-F]{2})*$/;

export function bytesToHex(bytes: Uint8Array): string {
  // protobufjs hands out Buffer slices on Node; anything else gets a Buffer view, not a copy.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString("hex");
}

/**
 * Decodes an OTLP/JSON id. Returns null when the text is not an even-length hex string,
 * because `Buffer.from(text, "hex")` would silently stop at the first bad character.
 */
export function hexToBytes(hex: string): Uint8Array | null {
  if (!HEX_PATTERN.test(hex)) return null;
  return Buffer.from(hex, "hex");
}

export function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
