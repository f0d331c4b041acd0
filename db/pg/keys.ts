/**
 * Where the PostgreSQL schema deliberately departs from the derived SQLite one (docs/adr/0048,
 * 0049). Every departure is listed here and nowhere else, so that the schema-parity test
 * (tests/pg/schema-parity.test.ts) can allow exactly these and still catch everything else.
 *
 * - Primary keys include `project_id`, so the tables can be distributed by project on Citus
 *   (Citus enforces a key only within a shard). The time-ordered key stays first: every
 *   existing range scan (`id >= … AND id < …`) keeps the plan it had on `id` alone.
 * - `event` is partitioned by range of `id` (db/pg/partitions.ts); a partitioned table cannot
 *   hold a unique index without the partition key, so `(project_id, client_id)` becomes a plain
 *   index (look-ups by client id) and idempotency moves to `event_idempotency` (db/pg/tables.ts).
 * - `rollup` gains `writer_shard` in its key: each ingest transaction adds to rows of a shard
 *   no concurrent writer holds, and reads sum over the shards.
 */
export interface PgKeyOverride {
  /** Column names of the PostgreSQL primary key (replaces the SQLite one). */
  primaryKey?: string[];
  /** SQLite unique index name → the name of the plain (non-unique) index it becomes. */
  uniqueToPlain?: Record<string, string>;
  /** Extra bigint columns, NOT NULL DEFAULT 0: SQL name → TS key. */
  extraColumns?: Record<string, string>;
}

export const PG_KEY_OVERRIDES: Record<string, PgKeyOverride> = {
  event: { primaryKey: ["id", "project_id"], uniqueToPlain: { event_project_client_uq: "event_project_client_idx" } },
  label: { primaryKey: ["event_id", "project_id"] },
  metric_point: { primaryKey: ["event_id", "project_id"] },
  prediction: { primaryKey: ["event_id", "project_id"] },
  rollup: {
    primaryKey: ["project_id", "resolution", "bucket", "kind", "model_id", "model_version_id", "prompt_id", "prompt_version_id", "writer_shard"],
    extraColumns: { writer_shard: "writerShard" },
  },
};
