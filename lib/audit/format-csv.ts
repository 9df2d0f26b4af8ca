// CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
// holds a comma, a quote, CR or LF (quotes doubled inside). No CSV library is installed, and the
// whole format is these few lines. null is an empty field.
//
// Audited values are whatever an application wrote, and a spreadsheet runs a cell that starts
// with = + - @ (or a tab or CR before one) as a formula ("CSV injection"). Such a cell gets a
// leading apostrophe, as OWASP advises; plain numbers ("-12.5") are left as they are.

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
