import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';

/**
 * Personal data at rest (PIPL): AES-256-GCM with a key derived from DATA_ENCRYPTION_KEY.
 * Layout: version (1 byte) | IV (12) | auth tag (16) | ciphertext. Lookups use a keyed hash instead.
 */
const VERSION = 1;

type Keys = { enc: Buffer; mac: Buffer };
let keys: Keys | undefined;
let keySource: string | undefined;

function getKeys(): Keys {
  const secret = getEnv().DATA_ENCRYPTION_KEY;
  if (!secret || secret.length < 16) throw new Error('DATA_ENCRYPTION_KEY is not set (at least 16 characters)');
  if (!keys || keySource !== secret) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'gejiu-pii', info, 32));
    keys = { enc: derive('aes-256-gcm'), mac: derive('hmac-sha256') };
    keySource = secret;
  }
  return keys;
}

export function encryptText(plain: string): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', getKeys().enc, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]));
}

export function decryptText(blob: Uint8Array): string {
  const buf = Buffer.from(blob);
  if (buf[0] !== VERSION || buf.length < 29) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', getKeys().enc, buf.subarray(1, 13));
  decipher.setAuthTag(buf.subarray(13, 29));
  return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8');
}

/** A keyed hash for finding a record by a personal value (e.g. a mobile login) without storing it in clear. */
export function lookupHash(value: string): string {
  return createHmac('sha256', getKeys().mac).update(value).digest('hex');
}
