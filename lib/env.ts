import { z } from 'zod';

/** Every environment variable the app reads, parsed once. Defaults are the embedded mode's. */
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin used in QR codes and links in e-mails; defaults to the local server. */
  APP_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  DATA_ENCRYPTION_KEY: z.string().min(16).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  PAYMENT_SIMULATOR: flag,
  ORDER_PAYMENT_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SEED_DEMO: flag,
});

export type Env = z.infer<typeof EnvSchema> & {
  appUrl: string;
  paymentSimulator: boolean;
  dbKind: 'pglite' | 'postgres';
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid environment variables: ${names}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    paymentSimulator: e.PAYMENT_SIMULATOR ?? !e.STRIPE_SECRET_KEY,
    dbKind: e.DATABASE_URL ? 'postgres' : 'pglite',
  };
  return cached;
}

/** Demo data is seeded except in a production deployment on a real server, unless SEED_DEMO=1. */
export function shouldSeedDemo(env: Env = getEnv()): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO;
  return !(env.NODE_ENV === 'production' && env.dbKind === 'postgres');
}
