/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node at run time, not bundled: better-sqlite3 is a native addon; the OTLP decoder
  // deep-imports protobufjs' generated CommonJS module from @opentelemetry/otlp-transformer.
  serverExternalPackages: ["better-sqlite3", "protobufjs", "@opentelemetry/otlp-transformer"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
