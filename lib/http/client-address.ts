import { randomBytes } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { resolveClientAddress } from '@/domain/client-address';

/**
 * The client's address for rate limits and the open-order cap. Next passes a client's own
 * `X-Forwarded-For` through untouched (and fills it from the socket only when it is missing), so the
 * header cannot be trusted as it arrives. At start (instrumentation.ts) this module hooks Node's HTTP
 * server ('http.server.request.start', before Next sees the request) and rewrites the header to the one
 * address domain/client-address.ts derives from the socket and TRUSTED_PROXY_HOPS, with a per-process
 * mark that a client cannot forge. A request without the mark (one that arrived before the hook was
 * installed) counts as one shared address, 'unverified'.
 */
const STATE = Symbol.for('gejiu.client-address');
const MARK = 'x-gejiu-client-address';
/** Set by the hook when the raw URL has a malformed escape (Next re-encodes the query before proxy.ts sees it). */
const BAD_ESCAPE = 'x-gejiu-bad-escape';
type State = { nonce: string; listener: (message: unknown) => void };
const holder = globalThis as typeof globalThis & { [STATE]?: State };

/** Installs the hook once per process; returns a function that removes it (tests). */
export function installClientAddressHook(trustedHops: number): () => void {
  const existing = holder[STATE];
  if (existing) return () => uninstall(existing);
  const nonce = randomBytes(16).toString('hex');
  const listener = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers['x-forwarded-for'] = resolveClientAddress({
      socketAddress: socket.remoteAddress,
      forwardedFor: request.headers['x-forwarded-for'],
      trustedHops,
    });
    delete request.headers['x-real-ip'];
    request.headers[MARK] = nonce;
    if (hasMalformedEscape(request.url ?? '')) request.headers[BAD_ESCAPE] = nonce;
    else delete request.headers[BAD_ESCAPE];
  };
  const state = { nonce, listener };
  holder[STATE] = state;
  subscribe('http.server.request.start', listener);
  return () => uninstall(state);
}

function uninstall(state: State): void {
  unsubscribe('http.server.request.start', state.listener);
  if (holder[STATE] === state) delete holder[STATE];
}

/**
 * The address of the request with these headers. Inside the app server, the one the hook wrote; in
 * tests and scripts without the hook, the first `X-Forwarded-For` entry the caller supplied.
 */
export function clientAddress(headers: Headers): string {
  const state = holder[STATE];
  if (state && headers.get(MARK) !== state.nonce) return 'unverified';
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}

/** Whether some `%` in the URL is not a well-formed, UTF-8 escape. */
export function hasMalformedEscape(rawUrl: string): boolean {
  return rawUrl.split(/[?&=/]/).some((part) => {
    try {
      decodeURIComponent(part.replaceAll('+', ' '));
      return false;
    } catch {
      return true;
    }
  });
}

/** Whether the hook saw a malformed escape in this request's raw URL. */
export function markedBadEscape(headers: Headers): boolean {
  const state = holder[STATE];
  return !!state && headers.get(BAD_ESCAPE) === state.nonce;
}
