import { stringify } from "csv-stringify/sync";

// CSV as RFC 4180 writes it (fields separated by commas, records ended by CRLF, a field quoted
// when it holds a comma, a quote, CR or LF, quotes doubled inside; null is an empty field),
// written by csv-stringify — maintained, no dependencies, no install script.
//
// Audited values are whatever an application wrote, and a spreadsheet runs a cell that starts
// with = + - @ (or a tab or CR, or their full-width forms) as a formula ("CSV injection"):
// csv-stringify's escape_formulas gives such a cell a leading apostrophe, as OWASP advises. It
// leaves numbers alone, so a cell whose text is exactly a number's ("-12.5") is handed over as
// that number and is written unchanged.

// quote_record_delimiter: a lone CR or LF inside a field is quoted too (csv-stringify quotes only
// the record delimiter itself once one is chosen).
const OPTIONS = { escape_formulas: true, record_delimiter: "windows", quote_record_delimiter: true } as const;

type Cell = string | null;

function cellValue(text: Cell): Cell | number {
  if (text === null || text === "") return text;
  const number = Number(text);
  return String(number) === text ? number : text;
}

/** Several records, each ended by CRLF. */
export function csvRecords(records: readonly (readonly Cell[])[]): string {
  return stringify(records.map((record) => record.map(cellValue)), OPTIONS);
}

/** One record, ended by CRLF. */
export function csvRecord(values: readonly Cell[]): string {
  return csvRecords([values]);
}
