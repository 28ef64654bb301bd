/** @type {import('next').NextConfig} */
const nextConfig = {
  // Catalog reads are cached with 'use cache' + cacheTag and revalidated by tag when listings change.
  cacheComponents: true,
  // Partial Prefetching embedded a second copy of the RSC payload in every dynamic page's HTML
  // (/products: 190 KB instead of 118 KB), so it stays off until that changes.
  partialPrefetching: false,
  cacheLife: {
    // Listings change through actions that revalidate the tag; the time bound covers certificate expiry.
    catalog: { stale: 60, revalidate: 300, expire: 3600 },
  },
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Two cores on the build machines; more workers only add memory pressure.
    cpus: 1,
  },
};

export default nextConfig;
