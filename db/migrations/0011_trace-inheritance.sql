CREATE TABLE `trace_inheritance` (
	`project_id` integer NOT NULL,
	`trace_id` text NOT NULL,
	`enqueued_at` integer NOT NULL,
	`next_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`project_id`, `trace_id`)
);
--> statement-breakpoint
CREATE INDEX `trace_inheritance_next_idx` ON `trace_inheritance` (`next_at`);