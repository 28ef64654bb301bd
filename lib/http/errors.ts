import '@/lib/validation/zod-config';
/**
 * Typed API errors: each code maps to an HTTP status. Messages are Chinese and safe to show.
 * Body shape (CONTRACT.md): {"error":{"code","message","fields"?}}.
 */
export const API_ERRORS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  out_of_stock: 409,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export function apiError(code: ApiErrorCode, message: string, fields?: Record<string, string>): Response {
  return Response.json(
    { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } },
    { status: API_ERRORS[code], headers: { 'Cache-Control': 'no-store' } },
  );
}
