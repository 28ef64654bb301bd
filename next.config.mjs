/**
 * Next's inline RSC scripts need 'unsafe-inline' unless every page is rendered per request with a
 * nonce, which would make the catalog dynamic; script sources are otherwise limited to this origin.
 */
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Livestream players that may be framed: the same hosts as EMBED_HOSTS in domain/livestream.ts.
  'frame-src https://player.bilibili.com https://player.youku.com https://v.qq.com',
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const commonHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];
const securityHeaders = [{ key: 'Content-Security-Policy', value: csp }, ...commonHeaders];
/**
 * Stored files (uploaded photos, certificate scans, seeded images): served under a sandbox that runs
 * nothing, whatever a file contains. The page CSP above must not replace it, so these paths are left
 * out of the page rule (FILE_PATHS) and get this one instead; the routes set the same header themselves.
 */
const FILE_PATHS = ['/media/:path*', '/workshop/certificates/:id/file', '/after-sales/photos/:id'];
const fileHeaders = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" },
  ...commonHeaders,
];

import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Catalog reads are cached with 'use cache' + cacheTag and revalidated by tag when listings change.
  cacheComponents: true,
  // Partial Prefetching embedded a second copy of the RSC payload in every dynamic page's HTML
  // (/products: 190 KB instead of 118 KB), so it stays off until that changes.
  partialPrefetching: false,
  // In-memory per process, with tag invalidations shared through PostgreSQL between instances.
  cacheHandlers: { default: fileURLToPath(new URL('./lib/cache/shared-tags-handler.js', import.meta.url)) },
  // Pages: Next's file-system cache, except listings not prerendered (searches, sorts, pages…), kept in a
  // bounded in-memory LRU (the file says why).
  cacheHandler: fileURLToPath(new URL('./lib/cache/page-cache-handler.js', import.meta.url)),
  cacheLife: {
    // Listings change through actions that revalidate the tag; the time bound covers certificate expiry.
    catalog: { stale: 60, revalidate: 300, expire: 3600 },
    // The target figure. Payments and refunds expire the 'impact' tag at once (the next request
    // renders afresh; other instances follow within a second through the shared tags), so the page
    // can be a static shell: Next 16 keeps an entry in shells only with stale ≥ 300 s.
    impact: { stale: 300, revalidate: 300, expire: 3600 },
  },
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  // wechatpay-node-v3 pulls superagent and formidable, whose dynamic plugin requires a bundle cannot follow.
  serverExternalPackages: ['@electric-sql/pglite', 'exceljs', 'sharp', 'wechatpay-node-v3'],
  // The benchmark's static baseline (app/bench/static/[bytes]/page.bench.tsx) is routed only in the builds
  // bench/*.ts make with GEJIU_BENCH_SIZES set; a normal production build has no /bench route.
  pageExtensions: ['tsx', 'ts', 'jsx', 'js', ...(process.env.GEJIU_BENCH_SIZES ? ['bench.tsx'] : [])],
  poweredByHeader: false,
  // `npm test` serves its two e2e projects from two copies of one build (scripts/test.ts), each with its own
  // page cache on disk; everything else uses the default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` and CI type-check first (tsc --noEmit); `next build` need not do it again: on 2 cores that
  // check was 75 s of a newcomer's first `npm start`.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/((?!media/|workshop/certificates/[^/]+/file$|after-sales/photos/).*)', headers: securityHeaders },
      ...FILE_PATHS.map((source) => ({ source, headers: fileHeaders })),
    ];
  },
  reactStrictMode: true,
  experimental: {
    // Two cores on the build machines; more workers only add memory pressure.
    cpus: 1,
    // Photos and certificate scans are checked by the actions themselves (≤ 5 MB, with a Chinese
    // message); the transport limit sits above that so an oversized file reaches the check.
    serverActions: { bodySizeLimit: '8mb' },
  },
};

export default nextConfig;
