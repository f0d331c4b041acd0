import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Rubric, RubricValues } from "@/lib/review/rubric";
import type { Routing } from "@/lib/review/routing";
import { project } from "./project";
import { user } from "./user";

/**
 * Human review (issue #11, docs/review.md). A queue holds items (one per event); reviewers claim
 * items through leases and leave immutable verdicts; engineers adjudicate disagreements.
 */
export const reviewQueue = sqliteTable(
  "review_queue",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => project.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    instructions: text("instructions"),
    rubric: text("rubric", { mode: "json" }).$type<Rubric>().notNull(),
    /** Which new events enter automatically; null = only events added by hand or the API. */
    routing: text("routing", { mode: "json" }).$type<Routing | null>(),
    reviewersPerItem: integer("reviewers_per_item").notNull(),
    correctedOutput: integer("corrected_output", { mode: "boolean" }).notNull().default(false),
    /** Share of claims that serve a gold item (unannounced), 0–1. */
    goldRate: real("gold_rate").notNull().default(0),
    /**
     * Routing job's position: event keys below it have been considered (lib/review/route-events.ts;
     * each run re-reads a short settle window below it, docs/adr/0032).
     */
    routingCursor: integer("routing_cursor").notNull(),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("review_queue_project_name_uq").on(t.projectId, t.name),
    check("review_queue_reviewers_per_item_ck", sql`${t.reviewersPerItem} BETWEEN 1 AND 3`),
  ],
);

/** Named reviewers of a queue; a queue without rows is open to every member who may review. */
export const reviewQueueAssignee = sqliteTable(
  "review_queue_assignee",
  {
    queueId: integer("queue_id").notNull().references(() => reviewQueue.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] })],
);

export const REVIEW_ITEM_SOURCES = ["api", "filter", "routing", "explorer"] as const;
export type ReviewItemSource = (typeof REVIEW_ITEM_SOURCES)[number];

export const reviewItem = sqliteTable(
  "review_item",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull(),
    queueId: integer("queue_id").notNull().references(() => reviewQueue.id, { onDelete: "cascade" }),
    /** `event.id` (the time-ordered key); no FK, like every reference to event (docs/adr/0002). */
    eventId: integer("event_id").notNull(),
    source: text("source", { enum: REVIEW_ITEM_SOURCES }).notNull(),
    enqueuedAt: integer("enqueued_at").notNull(),
    /** Set when the item has reviewers-per-item submitted verdicts; claims skip completed items. */
    completedAt: integer("completed_at"),
    /** A gold item is served to further reviewers at the queue's gold rate to measure them. */
    isGold: integer("is_gold", { mode: "boolean" }).notNull().default(false),
    /** The adjudicated label (latest adjudication), the gold standard for this item. */
    finalValues: text("final_values", { mode: "json" }).$type<RubricValues | null>(),
    finalizedAt: integer("finalized_at"),
  },
  (t) => [
    // An event enters a queue at most once, however it arrives (API, filter, routing job).
    uniqueIndex("review_item_queue_event_uq").on(t.queueId, t.eventId),
    index("review_item_open_idx").on(t.queueId, t.completedAt, t.id),
  ],
);

export const REVIEW_LEASE_STATES = ["active", "submitted", "skipped"] as const;
export type ReviewLeaseState = (typeof REVIEW_LEASE_STATES)[number];

/**
 * A reviewer's hold on an item. An item has `reviewers_per_item` numbered slots; a claim takes a
 * free slot, or an active slot whose lease has expired, with one conditional INSERT … ON CONFLICT
 * (lib/review/claim-item.ts), so the unique (item, slot) index caps verdicts per item and the
 * unique (item, reviewer) index keeps a reviewer from seeing the same item twice. Submitted rows
 * keep their slot for good. Skipped rows and gold checks hold no slot (NULL is never a duplicate).
 */
export const reviewLease = sqliteTable(
  "review_lease",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id").notNull().references(() => reviewItem.id, { onDelete: "cascade" }),
    slot: integer("slot"),
    reviewerId: integer("reviewer_id").notNull().references(() => user.id, { onDelete: "cascade" }),
    state: text("state", { enum: REVIEW_LEASE_STATES }).notNull(),
    /** True when served as a gold check (never counts toward completion or agreement). */
    gold: integer("gold", { mode: "boolean" }).notNull().default(false),
    claimedAt: integer("claimed_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("review_lease_item_slot_uq").on(t.itemId, t.slot),
    uniqueIndex("review_lease_item_reviewer_uq").on(t.itemId, t.reviewerId),
    index("review_lease_reviewer_idx").on(t.reviewerId, t.state),
  ],
);

/**
 * Immutable. A reviewer who changes their mind adds a verdict that `supersedes` the previous one;
 * the current verdict of a reviewer on an item is the one nothing supersedes.
 */
export const reviewVerdict = sqliteTable(
  "review_verdict",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id").notNull().references(() => reviewItem.id, { onDelete: "cascade" }),
    reviewerId: integer("reviewer_id").notNull().references(() => user.id, { onDelete: "cascade" }),
    values: text("values", { mode: "json" }).$type<RubricValues>().notNull(),
    correctedOutput: text("corrected_output"),
    comment: text("comment"),
    gold: integer("gold", { mode: "boolean" }).notNull().default(false),
    supersedes: integer("supersedes"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("review_verdict_item_idx").on(t.itemId, t.reviewerId),
    uniqueIndex("review_verdict_supersedes_uq").on(t.supersedes),
  ],
);

/** An engineer's or admin's decision on an item; the latest one is the item's final label. */
export const reviewAdjudication = sqliteTable(
  "review_adjudication",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id").notNull().references(() => reviewItem.id, { onDelete: "cascade" }),
    adjudicatorId: integer("adjudicator_id").notNull().references(() => user.id, { onDelete: "cascade" }),
    values: text("values", { mode: "json" }).$type<RubricValues>().notNull(),
    comment: text("comment"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("review_adjudication_item_idx").on(t.itemId)],
);
