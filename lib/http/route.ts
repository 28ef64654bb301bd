import '@/lib/validation/zod-config';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { AppError, errorName, RateLimitError, toAppError } from '@/lib/errors';
import { cleanInput } from '@/lib/validation/clean-input';
import { markedBadEscape } from './client-address';
import { BAD_ESCAPE } from './proxy-responses';

/**
 * The one wrapper for route handlers (the JSON API, exports, the webhook). It refuses a malformed escape in
 * the URL, parses the path parameters, the query and the JSON body (control characters removed,
 * lib/validation/clean-input) with zod, runs the handler, and turns an AppError into
 * `{"error":{"code","message","fields"?}}` with its status (CONTRACT.md). Any other error is a 500,
 * logged by its name only.
 *
 * - params that do not parse answer 404 with `notFound` (an id that cannot exist is not found);
 * - a query or body that does not parse answers 400 `invalid_input` with `invalid` and the fields.
 */
type Schema = z.ZodType | undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

export type RouteSpec<P extends Schema, Q extends Schema, B extends Schema> = {
  /** For the log line of an unexpected failure. */
  name: string;
  params?: P;
  query?: Q;
  body?: B;
  notFound?: string;
  invalid?: string;
  /** Runs before anything is read (rate limits). */
  before?: (req: Request) => void | Promise<void>;
};

export function route<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (input: { req: Request; params: Out<P>; query: Out<Q>; body: Out<B> }) => Promise<Response>,
) {
  return async (req: Request = new Request('http://localhost/'), ctx: RouteContext = {}): Promise<Response> => {
    try {
      // A malformed percent-escape in the path or query, as the client sent it (marked by the client-address
      // hook, since Next re-encodes the query): 400. proxy.ts answers it for pages and for API paths with a
      // segment of their own; the API routes at fixed paths are not proxied (proxy.ts's matcher).
      if (markedBadEscape(req.headers)) throw new AppError('invalid_input', BAD_ESCAPE);
      await spec.before?.(req);
      const params = spec.params ? parseOr(spec.params, await ctx.params, notFound(spec)) : undefined;
      const query = spec.query
        ? parseOr(spec.query, cleanInput(Object.fromEntries(new URL(req.url).searchParams)), invalid(spec))
        : undefined;
      const body = spec.body ? parseOr(spec.body, cleanInput(await jsonBody(req)), invalid(spec)) : undefined;
      return await handler({ req, params: params as Out<P>, query: query as Out<Q>, body: body as Out<B> });
    } catch (e) {
      // Next's own signals (a prerender finding the route dynamic at build, notFound(), redirect()) are not
      // failures: they go back to Next, as in server actions (lib/actions/safe-action.ts).
      unstable_rethrow(e);
      const err = toAppError(e);
      if (err.handling === 'log') console.error(`[${spec.name}] failed:`, errorName(e));
      return errorResponse(err);
    }
  };
}

/** An AppError as the API's error body and status (429s with `Retry-After`). Never cached. */
export function errorResponse(e: AppError): Response {
  const fields = e.fields && Object.keys(e.fields).length ? { fields: e.fields } : {};
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (e instanceof RateLimitError) headers['Retry-After'] = String(e.retryAfterSeconds);
  return Response.json({ error: { code: e.code, message: e.message, ...fields } }, { status: e.status, headers });
}

/** Zod issues as `fields`: the dotted path (or 'body') to the first message for it. */
export function issueFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const i of error.issues) fields[i.path.join('.') || 'body'] ??= i.message;
  return fields;
}

const notFound = (spec: { notFound?: string }) => () => new AppError('not_found', spec.notFound);
const invalid = (spec: { invalid?: string }) => (error: z.ZodError) =>
  new AppError('invalid_input', spec.invalid, issueFields(error));

function parseOr<S extends z.ZodType>(schema: S, value: unknown, fail: (e: z.ZodError) => AppError): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fail(r.error);
  return r.data;
}

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('invalid_input', '请求体须为 JSON');
  }
}
