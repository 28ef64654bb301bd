/** @type {import('next').NextConfig} */
const nextConfig = {
  // Catalog reads are cached with 'use cache' + cacheTag and revalidated by tag when listings change.
  cacheComponents: true,
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // One instance per container; tests and CI build once and start with `next start`.
  output: undefined,
  experimental: {
    // Two cores on the build machines; more workers only add memory pressure.
    cpus: 1,
  },
};

export default nextConfig;
