/**
 * Drops and creates the e2e PostgreSQL database named by E2E_DATABASE_URL (run by the web
 * server command before the server starts; e2e/global-setup.ts refuses any other database).
 */
import pg from "pg";
import { PG_URL } from "./env";

async function main() {
  if (!PG_URL) throw new Error("E2E_DATABASE_URL is not set");
  const url = new URL(PG_URL);
  const name = url.pathname.slice(1);
  if (!/^sightline_e2e\w*$/.test(name) || !["127.0.0.1", "localhost", "::1"].includes(url.hostname)) throw new Error(`refusing to reset ${PG_URL}`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
