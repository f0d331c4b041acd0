import next from "eslint-config-next";

const config = [
  ...next,
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "data/**", "test-results/**", "playwright-report/**", "e2e/.data/**", "e2e/.auth/**"] },
  {
    // The dialect stays in db/ (docs/adr/0026-service-seam.md): services and routes see `Db` only.
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "better-sqlite3", message: "Only db/ may use the driver; go through Db (db/client.ts)." },
            { name: "@/db/driver", message: "Only db/ may use the driver; go through Db (db/client.ts) or db/statements/." },
          ],
          patterns: [{ group: ["drizzle-orm/better-sqlite3*"], message: "Only db/ knows the dialect." }],
        },
      ],
    },
  },
];

export default config;
