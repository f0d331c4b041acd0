CREATE TABLE `otel_context` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`hash` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `otel_context_project_hash_uq` ON `otel_context` (`project_id`,`hash`);