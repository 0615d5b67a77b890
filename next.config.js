import createNextIntlPlugin from "next-intl/plugin";

// Security headers for what proxy.ts does not see (static assets); pages get theirs, with a CSP
// nonce, from proxy.ts. Keep the values in step with lib/security-headers.ts.
const staticHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "default-src 'self'; frame-ancestors 'none'; object-src 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next gzips responses itself by default. Behind nginx (deploy/nginx/theratrack.conf gzips), the units set
  // THERATRACK_COMPRESS=off so compression runs in nginx, off the app's event loop; read at `next start`.
  // `npm run bench` measures both (README "Performance").
  compress: process.env.THERATRACK_COMPRESS !== "off",
  reactStrictMode: true,
  // Native and WASM packages load from node_modules at run time instead of being bundled; so do the
  // export libraries (exceljs, fontkit), large packages Node loads faster than a bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "exceljs", "fontkit"],
  experimental: {
    authInterrupts: true,
    // Next's default, stated: proxy.ts answers bigger action bodies with 413 before Next would throw
    // (and answer 500); keep in step with ACTION_BODY_LIMIT in lib/security/request-limits.ts.
    serverActions: { bodySizeLimit: "1mb" },
  },
  // The app does not use next/image; the optimizer endpoint (/_next/image) fetched any local path it
  // was given and answered 500 for most. Off, nothing is served there.
  images: { unoptimized: true },
  async headers() {
    return [{ source: "/_next/static/:path*", headers: staticHeaders }, { source: "/favicon.ico", headers: staticHeaders }];
  },
};

// next-intl without i18n routing: the locale comes from the account or the browser (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
