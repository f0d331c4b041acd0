import * as sqliteSchema from "../schema";
import { derivePgSchema } from "./derive-schema";
import { PG_ONLY_TABLES } from "./tables";

const derived = derivePgSchema(sqliteSchema);

/**
 * The PostgreSQL twins of every table exported from db/schema (db/pg/derive-schema.ts), plus the
 * tables that exist on PostgreSQL only (db/pg/tables.ts).
 */
export const pgSchema = { twins: derived.twins, tables: { ...derived.tables, ...PG_ONLY_TABLES } };
