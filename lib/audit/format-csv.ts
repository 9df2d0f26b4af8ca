// CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
// holds a comma, a quote, CR or LF (quotes doubled inside). No CSV library is installed, and the
// whole format is these few lines. null is an empty field.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null): string {
  if (value === null) return "";
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRecord(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
