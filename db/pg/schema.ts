import * as sqliteSchema from "../schema";
import { derivePgSchema } from "./derive-schema";

/** The PostgreSQL twins of every table exported from db/schema (db/pg/derive-schema.ts). */
export const pgSchema = derivePgSchema(sqliteSchema);
