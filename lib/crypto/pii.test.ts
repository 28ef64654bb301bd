import { beforeAll, describe, expect, it } from 'vitest';
import { decryptText, encryptText, lookupHash } from './pii';

beforeAll(() => {
  process.env.DATA_ENCRYPTION_KEY = 'test-key-0123456789abcdef';
});

describe('personal data encryption', () => {
  it('round-trips and never stores the clear text', () => {
    const blob = encryptText('13812341234');
    expect(Buffer.from(blob).toString('utf8')).not.toContain('13812341234');
    expect(decryptText(blob)).toBe('13812341234');
    expect(decryptText(encryptText('云南省红河州个旧市大屯街道'))).toBe('云南省红河州个旧市大屯街道');
  });
  it('uses a fresh IV each time', () => {
    expect(Buffer.from(encryptText('x')).equals(Buffer.from(encryptText('x')))).toBe(false);
  });
  it('detects tampering', () => {
    const blob = encryptText('13812341234');
    blob.set([blob[blob.length - 1]! ^ 1], blob.length - 1);
    expect(() => decryptText(blob)).toThrow();
  });
  it('hashes deterministically under the key', () => {
    expect(lookupHash('13812341234')).toBe(lookupHash('13812341234'));
    expect(lookupHash('13812341234')).not.toBe(lookupHash('13812341235'));
  });
});
