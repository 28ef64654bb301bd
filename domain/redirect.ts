/**
 * A same-site path to return to after login: "/unit?x=1" and "/products?q=%E7%B1%B3+5kg" yes;
 * "//evil.example", "https://…" and "/\\evil" no.
 */
export function safeNextPath(v: string | null | undefined): string {
  return v && /^\/(?![/\\])[\w\-/?=&.%+]*$/.test(v) ? v : '/';
}
