import path from "node:path";

/** Everything the e2e suite needs to know about the server it starts (playwright.config.ts). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3217);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const DATA_DIR = path.join(__dirname, ".data");
export const DB_FILE = path.join(DATA_DIR, "e2e.db");
/**
 * `E2E_DATABASE_URL=postgres://127.0.0.1:<port>/sightline_e2e…` runs the suite against
 * PostgreSQL instead (the database is dropped and created again first; docs/adr/0045).
 */
export const PG_URL = process.env.E2E_DATABASE_URL;
export const DATABASE_URL = PG_URL ?? `file:${DB_FILE}`;
export const ADMIN_EMAIL = "e2e-admin@sightline.local";
export const ADMIN_PASSWORD = "e2e-admin-password";
export const API_KEY = "sl_e2e_0123456789abcdefghijklmnopqrstuvwxyzABC"; // the shape of a generated key
/** Written by the demo seed: the per-installation demo password. */
export const DEMO_PASSWORD_FILE = path.join(DATA_DIR, "demo-password");
export const PROJECT = "demo";
export const AUTH_FILE = path.join(__dirname, ".auth", "admin.json");
