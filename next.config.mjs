/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node at run time, not bundled: better-sqlite3 is a native addon; the OTLP decoder
  // deep-imports protobufjs' generated CommonJS module from @opentelemetry/otlp-transformer.
  serverExternalPackages: ["better-sqlite3", "protobufjs", "@opentelemetry/otlp-transformer"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Security headers on every response (pages get their nonce CSP from proxy.ts; docs/security.md).
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    return [
      { source: "/:path*", headers: common },
      // JSON and OTLP answers are never documents: nothing may load or frame them as one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
