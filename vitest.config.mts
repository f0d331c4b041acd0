import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.ts"],
    // Each file gets its own process and its own SQLite file.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
