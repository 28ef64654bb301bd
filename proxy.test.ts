import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { PATH_HEADER } from '@/lib/auth/portals';
import { proxy } from './proxy';

const cookie = { cookie: 'authjs.session-token=abc' };
/** What NextResponse.next({ request: { headers } }) hands the page as the request header. */
const passedOn = (res: Response) => res.headers.get(`x-middleware-request-${PATH_HEADER}`);

describe('proxy', () => {
  it('sends a visitor without a session to the login page, path and query kept', () => {
    const res = proxy(new NextRequest('http://localhost/admin/orders?status=paid'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost/login?next=%2Fadmin%2Forders%3Fstatus%3Dpaid');
  });

  it('tells a portal layout the path being opened, overwriting a value the client sent', () => {
    const res = proxy(
      new NextRequest('http://localhost/workshop/products/7', { headers: { ...cookie, [PATH_HEADER]: '/evil' } }),
    );
    expect(res.status).toBe(200);
    expect(passedOn(res)).toBe('/workshop/products/7');
  });

  it('leaves public pages alone and adds no path header there', () => {
    const res = proxy(new NextRequest('http://localhost/products', { headers: { [PATH_HEADER]: '/admin' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(passedOn(res)).toBeNull();
  });

  it('refuses the internal middleware header and foreign-origin posts', () => {
    expect(
      proxy(new NextRequest('http://localhost/admin', { headers: { 'x-middleware-subrequest': 'x' } })).status,
    ).toBe(400);
    const foreign = new NextRequest('http://localhost/register', {
      method: 'POST',
      headers: { origin: 'https://evil.example', host: 'localhost', 'next-action': 'abc' },
    });
    expect(proxy(foreign).status).toBe(403);
  });
});
