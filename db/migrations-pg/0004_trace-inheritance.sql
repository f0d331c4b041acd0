CREATE TABLE "trace_inheritance" (
	"project_id" bigint NOT NULL,
	"trace_id" text NOT NULL,
	"enqueued_at" bigint NOT NULL,
	"next_at" bigint NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "trace_inheritance_project_id_trace_id_pk" PRIMARY KEY("project_id","trace_id")
);
--> statement-breakpoint
CREATE INDEX "trace_inheritance_next_idx" ON "trace_inheritance" USING btree ("next_at");