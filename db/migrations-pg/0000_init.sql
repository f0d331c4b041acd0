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
CREATE TABLE "alert_channel" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"url" text,
	"secret" text,
	"routing_key" text,
	"enabled" bigint DEFAULT 1 NOT NULL,
	"consecutive_failures" bigint DEFAULT 0 NOT NULL,
	"disabled_at" bigint,
	"disabled_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rule" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"scope" jsonb NOT NULL,
	"group_by" text,
	"window_seconds" bigint NOT NULL,
	"comparator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"warning_threshold" double precision,
	"recovery_threshold" double precision,
	"warning_recovery_threshold" double precision,
	"pending_seconds" bigint DEFAULT 0 NOT NULL,
	"keep_firing_seconds" bigint DEFAULT 0 NOT NULL,
	"min_samples" bigint DEFAULT 0 NOT NULL,
	"no_data" text DEFAULT 'ignore' NOT NULL,
	"relative_baseline" text,
	"renotify_seconds" bigint,
	"channel_ids" jsonb NOT NULL,
	"enabled" bigint DEFAULT 1 NOT NULL,
	"last_evaluated_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_incident" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"rule_id" bigint NOT NULL,
	"group_key" text NOT NULL,
	"labels" jsonb NOT NULL,
	"state" text NOT NULL,
	"severity" text,
	"value" double precision,
	"state_since" bigint NOT NULL,
	"pending_since" bigint,
	"recovering_since" bigint,
	"started_at" bigint NOT NULL,
	"fired_at" bigint,
	"resolved_at" bigint,
	"last_notified_at" bigint,
	"last_samples" bigint DEFAULT 0 NOT NULL,
	"acknowledged_at" bigint,
	"acknowledged_by" text,
	"history" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_silence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"rule_id" bigint,
	"incident_id" bigint,
	"match_labels" jsonb NOT NULL,
	"starts_at" bigint NOT NULL,
	"ends_at" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_notification" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"channel_id" bigint NOT NULL,
	"incident_id" bigint,
	"rule_id" bigint,
	"kind" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"claimed_until" bigint,
	"last_error" text,
	"created_at" bigint NOT NULL,
	"finished_at" bigint
);
--> statement-breakpoint
CREATE TABLE "alert_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"notification_id" text NOT NULL,
	"channel_id" bigint NOT NULL,
	"attempt" bigint NOT NULL,
	"at" bigint NOT NULL,
	"status_code" bigint,
	"latency_ms" bigint NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"response_excerpt" text
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
CREATE TABLE "prediction" (
	"event_id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"model_id" bigint NOT NULL,
	"model_version_id" bigint,
	"ts" bigint NOT NULL,
	"sample_key" bigint NOT NULL,
	"value_num" double precision,
	"value_text" text,
	"score" double precision,
	"features" text,
	"attributions" text
);
--> statement-breakpoint
CREATE TABLE "drift_reference" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"model_id" bigint NOT NULL,
	"model_version_id" bigint DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"from_ts" bigint,
	"to_ts" bigint,
	"source_version_id" bigint,
	"dataset_name" text,
	"row_count" bigint,
	"created_at" bigint NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_row" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reference_id" bigint NOT NULL,
	"features" text NOT NULL,
	"prediction_num" bigint,
	"prediction_text" text
);
--> statement-breakpoint
CREATE TABLE "model_lineage" (
	"model_version_id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"dataset_name" text,
	"dataset_version" text,
	"dataset_rows" bigint,
	"git_commit" text,
	"repository_url" text,
	"training_run_url" text,
	"parent_version" text,
	"tags" text DEFAULT '{}' NOT NULL,
	"updated_at" bigint NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drift_point" (
	"project_id" bigint NOT NULL,
	"model_id" bigint NOT NULL,
	"resolution" bigint NOT NULL,
	"bucket" bigint NOT NULL,
	"feature" text NOT NULL,
	"method" text NOT NULL,
	"statistic" double precision,
	"p_value" double precision,
	"drifted" bigint NOT NULL,
	"reference_count" bigint NOT NULL,
	"current_count" bigint NOT NULL,
	"computed_at" bigint NOT NULL,
	CONSTRAINT "drift_point_project_id_model_id_resolution_bucket_feature_pk" PRIMARY KEY("project_id","model_id","resolution","bucket","feature")
);
--> statement-breakpoint
CREATE TABLE "review_adjudication" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"adjudicator_id" bigint NOT NULL,
	"values" jsonb NOT NULL,
	"comment" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_item" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"queue_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"source" text NOT NULL,
	"enqueued_at" bigint NOT NULL,
	"completed_at" bigint,
	"is_gold" bigint DEFAULT 0 NOT NULL,
	"final_values" jsonb,
	"finalized_at" bigint
);
--> statement-breakpoint
CREATE TABLE "review_lease" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"slot" bigint,
	"reviewer_id" bigint NOT NULL,
	"state" text NOT NULL,
	"gold" bigint DEFAULT 0 NOT NULL,
	"claimed_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"instructions" text,
	"rubric" jsonb NOT NULL,
	"routing" jsonb,
	"reviewers_per_item" bigint NOT NULL,
	"corrected_output" bigint DEFAULT 0 NOT NULL,
	"gold_rate" double precision DEFAULT 0 NOT NULL,
	"routing_cursor" bigint NOT NULL,
	"created_by" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "review_queue_reviewers_per_item_ck" CHECK ("review_queue"."reviewers_per_item" BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE TABLE "review_queue_assignee" (
	"queue_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	CONSTRAINT "review_queue_assignee_queue_id_user_id_pk" PRIMARY KEY("queue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "review_verdict" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"reviewer_id" bigint NOT NULL,
	"values" jsonb NOT NULL,
	"corrected_output" text,
	"comment" text,
	"gold" bigint DEFAULT 0 NOT NULL,
	"supersedes" bigint,
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
ALTER TABLE "alert_channel" ADD CONSTRAINT "alert_channel_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rule" ADD CONSTRAINT "alert_rule_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_incident" ADD CONSTRAINT "alert_incident_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_incident" ADD CONSTRAINT "alert_incident_rule_id_alert_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_silence" ADD CONSTRAINT "alert_silence_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notification" ADD CONSTRAINT "alert_notification_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notification" ADD CONSTRAINT "alert_notification_channel_id_alert_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."alert_channel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_notification_id_alert_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."alert_notification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reprice_job" ADD CONSTRAINT "reprice_job_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget" ADD CONSTRAINT "budget_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_row" ADD CONSTRAINT "reference_row_reference_id_drift_reference_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."drift_reference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_lineage" ADD CONSTRAINT "model_lineage_model_version_id_model_version_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_adjudication" ADD CONSTRAINT "review_adjudication_item_id_review_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_adjudication" ADD CONSTRAINT "review_adjudication_adjudicator_id_user_id_fk" FOREIGN KEY ("adjudicator_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_item" ADD CONSTRAINT "review_item_queue_id_review_queue_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_lease" ADD CONSTRAINT "review_lease_item_id_review_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_lease" ADD CONSTRAINT "review_lease_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue" ADD CONSTRAINT "review_queue_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue" ADD CONSTRAINT "review_queue_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_assignee" ADD CONSTRAINT "review_queue_assignee_queue_id_review_queue_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_assignee" ADD CONSTRAINT "review_queue_assignee_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdict" ADD CONSTRAINT "review_verdict_item_id_review_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdict" ADD CONSTRAINT "review_verdict_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "otel_context_project_hash_uq" ON "otel_context" USING btree ("project_id","hash");--> statement-breakpoint
CREATE INDEX "alert_channel_project_idx" ON "alert_channel" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "alert_rule_project_idx" ON "alert_rule" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_incident_open_uq" ON "alert_incident" USING btree ("rule_id","group_key") WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE INDEX "alert_incident_project_idx" ON "alert_incident" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "alert_silence_project_idx" ON "alert_silence" USING btree ("project_id","ends_at");--> statement-breakpoint
CREATE INDEX "alert_notification_due_idx" ON "alert_notification" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "alert_notification_incident_idx" ON "alert_notification" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "alert_delivery_project_idx" ON "alert_delivery" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "alert_delivery_notification_idx" ON "alert_delivery" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "prediction_window_idx" ON "prediction" USING btree ("project_id","model_id","ts","sample_key");--> statement-breakpoint
CREATE UNIQUE INDEX "drift_reference_model_uq" ON "drift_reference" USING btree ("project_id","model_id","model_version_id");--> statement-breakpoint
CREATE INDEX "review_adjudication_item_idx" ON "review_adjudication" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_item_queue_event_uq" ON "review_item" USING btree ("queue_id","event_id");--> statement-breakpoint
CREATE INDEX "review_item_open_idx" ON "review_item" USING btree ("queue_id","completed_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_lease_item_slot_uq" ON "review_lease" USING btree ("item_id","slot");--> statement-breakpoint
CREATE UNIQUE INDEX "review_lease_item_reviewer_uq" ON "review_lease" USING btree ("item_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_lease_reviewer_idx" ON "review_lease" USING btree ("reviewer_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "review_queue_project_name_uq" ON "review_queue" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "review_verdict_item_idx" ON "review_verdict" USING btree ("item_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_verdict_supersedes_uq" ON "review_verdict" USING btree ("supersedes");