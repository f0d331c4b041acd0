CREATE TABLE "project" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "project_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"user_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"role" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "membership_user_id_project_id_pk" PRIMARY KEY("user_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"disabled_at" bigint,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "api_key" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"expires_at" bigint,
	"revoked_at" bigint,
	CONSTRAINT "api_key_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "model" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_version" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"model_id" bigint NOT NULL,
	"version" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"key" text NOT NULL,
	"name" text,
	"description" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_version" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"prompt_id" bigint NOT NULL,
	"version" bigint NOT NULL,
	"template" text,
	"labels" jsonb DEFAULT '[]' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"client_id" text NOT NULL,
	"type" text NOT NULL,
	"ts" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	"model_id" bigint,
	"model_version_id" bigint,
	"prompt_id" bigint,
	"prompt_version_id" bigint,
	"environment" text NOT NULL,
	"user_id" text,
	"session_id" text,
	"trace_id" text,
	"span_id" text,
	"parent_span_id" text,
	"status" text,
	"latency_ms" double precision,
	"input_tokens" bigint,
	"output_tokens" bigint,
	"cache_read_tokens" bigint,
	"cache_write_tokens" bigint,
	"reasoning_tokens" bigint,
	"cost_usd" double precision,
	"cost_reported" bigint,
	"cost_input_usd" double precision,
	"cost_cache_read_usd" double precision,
	"cost_cache_write_usd" double precision,
	"cost_output_usd" double precision,
	"cost_reasoning_usd" double precision,
	"unpriced" bigint,
	"flagged" bigint,
	"hallucination_score" double precision,
	"score" double precision,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label" (
	"event_id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"target_client_id" text NOT NULL,
	"target_event_id" bigint,
	"value_text" text,
	"value_num" double precision,
	"ts" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_point" (
	"event_id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"model_id" bigint NOT NULL,
	"model_version_id" bigint,
	"name" text NOT NULL,
	"feature" text,
	"value" double precision NOT NULL,
	"ts" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint,
	"model" text NOT NULL,
	"match" text NOT NULL,
	"provider" text,
	"input_per_mtok" double precision NOT NULL,
	"output_per_mtok" double precision NOT NULL,
	"cache_read_per_mtok" double precision,
	"cache_write_per_mtok" double precision,
	"cache_write_1h_per_mtok" double precision,
	"reasoning_per_mtok" double precision,
	"audio_input_per_mtok" double precision,
	"audio_output_per_mtok" double precision,
	"image_input_per_mtok" double precision,
	"image_output_per_mtok" double precision,
	"tiers" text DEFAULT '[]' NOT NULL,
	"effective_from" bigint DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup" (
	"project_id" bigint NOT NULL,
	"resolution" bigint NOT NULL,
	"bucket" bigint NOT NULL,
	"kind" bigint NOT NULL,
	"model_id" bigint NOT NULL,
	"model_version_id" bigint NOT NULL,
	"prompt_id" bigint NOT NULL,
	"prompt_version_id" bigint NOT NULL,
	"count" bigint NOT NULL,
	"error_count" bigint NOT NULL,
	"latency_count" bigint NOT NULL,
	"latency_sum" double precision NOT NULL,
	"latency_sketch" "bytea",
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cost_usd" double precision NOT NULL,
	"unpriced_count" bigint NOT NULL,
	"cache_read_tokens" bigint DEFAULT 0 NOT NULL,
	"cache_write_tokens" bigint DEFAULT 0 NOT NULL,
	"reasoning_tokens" bigint DEFAULT 0 NOT NULL,
	"cost_input_usd" double precision DEFAULT 0 NOT NULL,
	"cost_cache_read_usd" double precision DEFAULT 0 NOT NULL,
	"cost_cache_write_usd" double precision DEFAULT 0 NOT NULL,
	"cost_output_usd" double precision DEFAULT 0 NOT NULL,
	"cost_reasoning_usd" double precision DEFAULT 0 NOT NULL,
	"flagged_count" bigint NOT NULL,
	"judged_count" bigint NOT NULL,
	CONSTRAINT "rollup_project_id_resolution_bucket_kind_model_id_model_version_id_prompt_id_prompt_version_id_pk" PRIMARY KEY("project_id","resolution","bucket","kind","model_id","model_version_id","prompt_id","prompt_version_id")
);
--> statement-breakpoint
CREATE TABLE "otel_context" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"hash" text NOT NULL,
	"body" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_lease" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text,
	"lease_expires_at" bigint NOT NULL,
	"next_run_at" bigint NOT NULL,
	"last_started_at" bigint,
	"last_finished_at" bigint,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "reprice_job" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"from_ts" bigint NOT NULL,
	"to_ts" bigint NOT NULL,
	"model" text,
	"status" text NOT NULL,
	"cursor" bigint DEFAULT 0 NOT NULL,
	"processed" bigint DEFAULT 0 NOT NULL,
	"changed" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"finished_at" bigint
);
--> statement-breakpoint
CREATE TABLE "budget" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"scope" text NOT NULL,
	"subject" text,
	"window" text NOT NULL,
	"limit_usd" double precision NOT NULL,
	"warn_at" double precision DEFAULT 0.8 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model" ADD CONSTRAINT "model_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version" ADD CONSTRAINT "model_version_model_id_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."model"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt" ADD CONSTRAINT "prompt_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_version" ADD CONSTRAINT "prompt_version_prompt_id_prompt_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price" ADD CONSTRAINT "price_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reprice_job" ADD CONSTRAINT "reprice_job_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget" ADD CONSTRAINT "budget_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_key_project_idx" ON "api_key" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "model_project_name_uq" ON "model" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "model_version_model_version_uq" ON "model_version" USING btree ("model_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_project_key_uq" ON "prompt" USING btree ("project_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_version_prompt_version_uq" ON "prompt_version" USING btree ("prompt_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "event_project_client_uq" ON "event" USING btree ("project_id","client_id");--> statement-breakpoint
CREATE INDEX "event_trace_idx" ON "event" USING btree ("project_id","trace_id") WHERE trace_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "label_target_idx" ON "label" USING btree ("project_id","target_client_id");--> statement-breakpoint
CREATE INDEX "metric_point_lookup_idx" ON "metric_point" USING btree ("project_id","model_id","name","ts");--> statement-breakpoint
CREATE INDEX "price_project_idx" ON "price" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "otel_context_project_hash_uq" ON "otel_context" USING btree ("project_id","hash");