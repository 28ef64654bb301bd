import { describe, expect, it } from 'vitest';
import { normalizeAddress, resolveClientAddress } from './client-address';

describe('resolveClientAddress', () => {
  it('with 0 trusted hops uses the socket and ignores a spoofed X-Forwarded-For', () => {
    expect(resolveClientAddress({ socketAddress: '198.51.100.9', forwardedFor: '1.2.3.4', trustedHops: 0 })).toBe(
      '198.51.100.9',
    );
    expect(
      resolveClientAddress({ socketAddress: '::ffff:198.51.100.9', forwardedFor: undefined, trustedHops: 0 }),
    ).toBe('198.51.100.9');
  });

  it('with 1 hop takes the entry the proxy appended, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(
      resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '1.2.3.4, 203.0.113.50', trustedHops: 1 }),
    ).toBe('203.0.113.50');
    expect(
      resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: ['1.2.3.4', '203.0.113.50'], trustedHops: 1 }),
    ).toBe('203.0.113.50');
  });

  it('with 2 hops skips both proxies', () => {
    expect(
      resolveClientAddress({
        socketAddress: '10.0.0.2',
        forwardedFor: '9.9.9.9, 203.0.113.5, 10.0.0.1',
        trustedHops: 2,
      }),
    ).toBe('203.0.113.5');
  });

  it('a request that bypassed the proxy falls back to the farthest address seen', () => {
    expect(resolveClientAddress({ socketAddress: '203.0.113.8', forwardedFor: undefined, trustedHops: 1 })).toBe(
      '203.0.113.8',
    );
  });

  it('garbage in the header never becomes an address', () => {
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: 'evil<script>', trustedHops: 1 })).toBe(
      'unknown',
    );
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe('unknown');
  });
});

describe('normalizeAddress', () => {
  it('keeps IPv4 and IPv6, strips ports and brackets', () => {
    expect(normalizeAddress('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('unknown')).toBe('');
  });
});
