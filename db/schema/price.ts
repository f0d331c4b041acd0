import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const PRICE_MATCH_KINDS = ["exact", "prefix", "regex"] as const;

/**
 * Custom prices (USD per one million tokens). The shipped list prices live in code
 * (lib/pricing/default-prices.ts, docs/adr/0036); rows here override them for a project
 * (`projectId`) or, with a null project, for the whole instance. A price change is a new row
 * with a later `effectiveFrom`, so the calls before it keep the price they were billed at.
 * Null rates fall back to the rate they are a subset of (lib/pricing/rates.ts).
 */
export const price = sqliteTable(
  "price",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").references(() => project.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    match: text("match", { enum: PRICE_MATCH_KINDS }).notNull(),
    provider: text("provider"),
    inputPerMTok: real("input_per_mtok").notNull(),
    outputPerMTok: real("output_per_mtok").notNull(),
    cacheReadPerMTok: real("cache_read_per_mtok"),
    cacheWritePerMTok: real("cache_write_per_mtok"),
    cacheWrite1hPerMTok: real("cache_write_1h_per_mtok"),
    reasoningPerMTok: real("reasoning_per_mtok"),
    audioInputPerMTok: real("audio_input_per_mtok"),
    audioOutputPerMTok: real("audio_output_per_mtok"),
    imageInputPerMTok: real("image_input_per_mtok"),
    imageOutputPerMTok: real("image_output_per_mtok"),
    /** JSON array of long-context tiers (lib/pricing/rates.ts `PriceTier`), `[]` when none. */
    tiers: text("tiers").notNull().default("[]"),
    effectiveFrom: integer("effective_from").notNull().default(0),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("price_project_idx").on(t.projectId)],
);
