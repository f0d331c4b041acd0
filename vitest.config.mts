import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    environment: "node",
    globalSetup: ["tests/setup/build-ingest-worker.global.ts"],
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.ts"],
    // Each file gets its own process and its own SQLite file.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
