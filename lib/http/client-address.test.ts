import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, installClientAddressHook, markedBadEscape } from './client-address';

/** A real HTTP server that answers with the address the app would use for the request. */
async function echoServer() {
  const server = createServer((req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    res.end(clientAddress(headers));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const ask = async (xff?: string) => (await fetch(url, { headers: xff ? { 'x-forwarded-for': xff } : {} })).text();
  return { ask, close: () => server.close() };
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe('the client address hook (issue 13, item 1)', () => {
  it('at 0 trusted hops a spoofed X-Forwarded-For is ignored: the socket counts', async () => {
    uninstall = installClientAddressHook(0);
    const s = await echoServer();
    expect(await s.ask('1.2.3.4')).toBe('127.0.0.1');
    expect(await s.ask('5.6.7.8, 9.9.9.9')).toBe('127.0.0.1');
    expect(await s.ask()).toBe('127.0.0.1');
    s.close();
  });

  it('at 1 hop the entry the proxy appended counts, never what the client wrote before it', async () => {
    uninstall = installClientAddressHook(1);
    const s = await echoServer();
    expect(await s.ask('1.2.3.4, 203.0.113.50')).toBe('203.0.113.50');
    expect(await s.ask('203.0.113.51')).toBe('203.0.113.51');
    // Straight to the app, past the proxy: the socket.
    expect(await s.ask()).toBe('127.0.0.1');
    s.close();
  });

  it('a request that did not pass the hook (no mark) shares one address; a forged mark does not help', () => {
    uninstall = installClientAddressHook(0);
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unverified');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4', 'x-gejiu-client-address': 'guess' }))).toBe(
      'unverified',
    );
  });

  it('marks a malformed escape in the raw URL, which Next re-encodes before proxy.ts sees it', async () => {
    uninstall = installClientAddressHook(0);
    const server = createServer((req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      res.end(String(markedBadEscape(headers)));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const marked = async (path: string) => (await fetch(base + path)).text();
    expect(await marked('/products?q=%E4%B8%AD%2')).toBe('true');
    expect(await marked('/verify/abc%2')).toBe('true');
    expect(await marked('/products?q=%E4%B8%AD%25')).toBe('false');
    // A client cannot set the mark itself.
    expect(await (await fetch(`${base}/?q=1`, { headers: { 'x-gejiu-bad-escape': 'x' } })).text()).toBe('false');
    server.close();
  });

  it('without the hook (scripts, tests) the first X-Forwarded-For entry is used', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.1, 10.0.0.1' }))).toBe('198.51.100.1');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
