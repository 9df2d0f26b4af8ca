/** A dynamic route segment as written: percent-decoded, or kept as is when it holds a bare "%". */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
