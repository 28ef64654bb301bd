import { createHash, randomBytes } from 'node:crypto';

/** The bearer token a guest or API client gets for its order; only its hash is stored. */
export const newAccessToken = (): string => randomBytes(24).toString('base64url');
export const hashAccessToken = (token: string): string => createHash('sha256').update(`order:${token}`).digest('hex');
