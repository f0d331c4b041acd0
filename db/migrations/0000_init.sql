CREATE TABLE `project` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_slug_unique` ON `project` (`slug`);--> statement-breakpoint
CREATE TABLE `membership` (
	`user_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `project_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `api_key` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_key_key_hash_unique` ON `api_key` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_key_project_idx` ON `api_key` (`project_id`);--> statement-breakpoint
CREATE TABLE `model` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_project_name_uq` ON `model` (`project_id`,`name`);--> statement-breakpoint
CREATE TABLE `model_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` integer NOT NULL,
	`version` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `model`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_version_model_version_uq` ON `model_version` (`model_id`,`version`);--> statement-breakpoint
CREATE TABLE `prompt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text,
	`description` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prompt_project_key_uq` ON `prompt` (`project_id`,`key`);--> statement-breakpoint
CREATE TABLE `prompt_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prompt_id` integer NOT NULL,
	`version` integer NOT NULL,
	`template` text,
	`labels` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prompt_version_prompt_version_uq` ON `prompt_version` (`prompt_id`,`version`);--> statement-breakpoint
CREATE TABLE `event` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`client_id` text NOT NULL,
	`type` text NOT NULL,
	`ts` integer NOT NULL,
	`received_at` integer NOT NULL,
	`model_id` integer,
	`model_version_id` integer,
	`prompt_id` integer,
	`prompt_version_id` integer,
	`environment` text NOT NULL,
	`user_id` text,
	`session_id` text,
	`trace_id` text,
	`span_id` text,
	`parent_span_id` text,
	`status` text,
	`latency_ms` real,
	`input_tokens` integer,
	`output_tokens` integer,
	`cost_usd` real,
	`unpriced` integer,
	`flagged` integer,
	`hallucination_score` real,
	`score` real,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_project_client_uq` ON `event` (`project_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `event_trace_idx` ON `event` (`project_id`,`trace_id`) WHERE trace_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `label` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`target_client_id` text NOT NULL,
	`target_event_id` integer,
	`value_text` text,
	`value_num` real,
	`ts` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `label_target_idx` ON `label` (`project_id`,`target_client_id`);--> statement-breakpoint
CREATE TABLE `metric_point` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`model_version_id` integer,
	`name` text NOT NULL,
	`feature` text,
	`value` real NOT NULL,
	`ts` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `metric_point_lookup_idx` ON `metric_point` (`project_id`,`model_id`,`name`,`ts`);--> statement-breakpoint
CREATE TABLE `price` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer,
	`pattern` text NOT NULL,
	`provider` text,
	`input_per_mtok` real NOT NULL,
	`output_per_mtok` real NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rollup` (
	`project_id` integer NOT NULL,
	`resolution` integer NOT NULL,
	`bucket` integer NOT NULL,
	`kind` integer NOT NULL,
	`model_id` integer NOT NULL,
	`model_version_id` integer NOT NULL,
	`prompt_id` integer NOT NULL,
	`prompt_version_id` integer NOT NULL,
	`count` integer NOT NULL,
	`error_count` integer NOT NULL,
	`latency_count` integer NOT NULL,
	`latency_sum` real NOT NULL,
	`latency_sketch` blob,
	`input_tokens` integer NOT NULL,
	`output_tokens` integer NOT NULL,
	`cost_usd` real NOT NULL,
	`unpriced_count` integer NOT NULL,
	`flagged_count` integer NOT NULL,
	`judged_count` integer NOT NULL,
	PRIMARY KEY(`project_id`, `resolution`, `bucket`, `kind`, `model_id`, `model_version_id`, `prompt_id`, `prompt_version_id`)
) WITHOUT ROWID;
