-- Hand-completed after drizzle-kit generate (docs/adr/0048, 0049): drizzle-kit cannot name the
-- dropped primary keys nor say PARTITION BY. Keep these statements if this file is regenerated.
CREATE TABLE "event_idempotency" (
	"project_id" bigint NOT NULL,
	"client_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	CONSTRAINT "event_idempotency_pk" PRIMARY KEY("project_id","client_id")
);
--> statement-breakpoint
INSERT INTO "event_idempotency" ("project_id", "client_id", "event_id", "received_at")
	SELECT "project_id", "client_id", "id", "received_at" FROM "event";--> statement-breakpoint
ALTER TABLE "rollup" DROP CONSTRAINT "rollup_project_id_resolution_bucket_kind_model_id_model_version_id_prompt_id_prompt_version_id_pk";--> statement-breakpoint
ALTER TABLE "rollup" ADD COLUMN "writer_shard" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup" ADD CONSTRAINT "rollup_pk" PRIMARY KEY("project_id","resolution","bucket","kind","model_id","model_version_id","prompt_id","prompt_version_id","writer_shard");--> statement-breakpoint
ALTER TABLE "label" DROP CONSTRAINT "label_pkey";--> statement-breakpoint
ALTER TABLE "label" ADD CONSTRAINT "label_pk" PRIMARY KEY("event_id","project_id");--> statement-breakpoint
ALTER TABLE "metric_point" DROP CONSTRAINT "metric_point_pkey";--> statement-breakpoint
ALTER TABLE "metric_point" ADD CONSTRAINT "metric_point_pk" PRIMARY KEY("event_id","project_id");--> statement-breakpoint
ALTER TABLE "prediction" DROP CONSTRAINT "prediction_pkey";--> statement-breakpoint
ALTER TABLE "prediction" ADD CONSTRAINT "prediction_pk" PRIMARY KEY("event_id","project_id");--> statement-breakpoint
-- event becomes a table partitioned by range of its time-ordered key; rows already stored land
-- in the default partition (db/pg/partitions.ts moves a day's rows out when it creates that day).
ALTER TABLE "event" RENAME TO "event_unpartitioned";--> statement-breakpoint
ALTER TABLE "event_unpartitioned" DROP CONSTRAINT "event_pkey";--> statement-breakpoint
DROP INDEX "event_project_client_uq";--> statement-breakpoint
DROP INDEX "event_trace_idx";--> statement-breakpoint
CREATE TABLE "event" (LIKE "event_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("id");--> statement-breakpoint
ALTER SEQUENCE "event_id_seq" OWNED BY "event"."id";--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_pk" PRIMARY KEY("id","project_id");--> statement-breakpoint
CREATE INDEX "event_project_client_idx" ON "event" USING btree ("project_id","client_id");--> statement-breakpoint
CREATE INDEX "event_trace_idx" ON "event" USING btree ("project_id","trace_id") WHERE trace_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE "event_default" PARTITION OF "event" DEFAULT;--> statement-breakpoint
INSERT INTO "event" SELECT * FROM "event_unpartitioned";--> statement-breakpoint
DROP TABLE "event_unpartitioned";
