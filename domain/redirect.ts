/** A same-site path to return to after login: "/unit?x=1" yes; "//evil.example", "https://…" and "/\\evil" no. */
export function safeNextPath(v: string | null | undefined): string {
  return v && /^\/(?![/\\])[\w\-/?=&.%]*$/.test(v) ? v : '/';
}
