import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The integration suites that run against PostgreSQL as well (docs/adr/0045): the same files,
 * with `freshDb()` handing out a new database in a throw-away cluster.
 */
const POSTGRES_SUITES = [
  "tests/api/*.test.ts", "tests/services/*.test.ts", "tests/scheduler/*.test.ts", "tests/pg/*.test.ts",
  "tests/alerts/*.test.ts", "tests/review/*.test.ts",
  "tests/otlp/route.test.ts", "tests/otlp/otel-context.test.ts", "tests/otlp/inspector-rows.test.ts", "tests/otlp/sdk-export.test.ts",
  "tests/otlp/inherit-root-attributes.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    environment: "node",
    // Each file gets its own process and its own database.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          globalSetup: ["tests/setup/build-ingest-worker.global.ts"],
          include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["tests/pg/**", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          globalSetup: ["tests/setup/build-ingest-worker.global.ts", "tests/setup/pg-cluster.global.ts"],
          include: POSTGRES_SUITES,
          exclude: ["**/node_modules/**"],
          env: { SIGHTLINE_TEST_DIALECT: "postgres" },
        },
      },
    ],
  },
});
