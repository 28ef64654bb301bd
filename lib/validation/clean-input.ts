/**
 * PostgreSQL text cannot hold NUL (U+0000), and no one types the other C0 controls except tab and
 * newline. Every entry point removes them from its input before validation, so such bytes can never
 * reach a query (they once turned a search for "\0" into a 500; found by the fuzz test).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, '');
}

/** Strings anywhere inside a parsed JSON value or form object, cleaned; everything else as is. */
export function cleanInput<T>(v: T): T {
  if (typeof v === 'string') return cleanText(v) as T;
  if (Array.isArray(v)) return v.map(cleanInput) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanText(k), cleanInput(x)])) as T;
  }
  return v;
}
