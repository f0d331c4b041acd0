import { defineConfig } from "drizzle-kit";

/** PostgreSQL migrations, generated from the schema derived from db/schema/ (docs/adr/0043). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/drizzle-kit-schema.cjs",
  out: "./db/migrations-pg",
});
