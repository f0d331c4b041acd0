CREATE TABLE `review_adjudication` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`adjudicator_id` integer NOT NULL,
	`values` text NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `review_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adjudicator_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_adjudication_item_idx` ON `review_adjudication` (`item_id`);--> statement-breakpoint
CREATE TABLE `review_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`queue_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`source` text NOT NULL,
	`enqueued_at` integer NOT NULL,
	`completed_at` integer,
	`is_gold` integer DEFAULT false NOT NULL,
	`final_values` text,
	`finalized_at` integer,
	FOREIGN KEY (`queue_id`) REFERENCES `review_queue`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_item_queue_event_uq` ON `review_item` (`queue_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `review_item_open_idx` ON `review_item` (`queue_id`,`completed_at`,`id`);--> statement-breakpoint
CREATE TABLE `review_lease` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`slot` integer,
	`reviewer_id` integer NOT NULL,
	`state` text NOT NULL,
	`gold` integer DEFAULT false NOT NULL,
	`claimed_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `review_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_lease_item_slot_uq` ON `review_lease` (`item_id`,`slot`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_lease_item_reviewer_uq` ON `review_lease` (`item_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `review_lease_reviewer_idx` ON `review_lease` (`reviewer_id`,`state`);--> statement-breakpoint
CREATE TABLE `review_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`instructions` text,
	`rubric` text NOT NULL,
	`routing` text,
	`reviewers_per_item` integer NOT NULL,
	`corrected_output` integer DEFAULT false NOT NULL,
	`gold_rate` real DEFAULT 0 NOT NULL,
	`routing_cursor` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "review_queue_reviewers_per_item_ck" CHECK("review_queue"."reviewers_per_item" BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_queue_project_name_uq` ON `review_queue` (`project_id`,`name`);--> statement-breakpoint
CREATE TABLE `review_queue_assignee` (
	`queue_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `user_id`),
	FOREIGN KEY (`queue_id`) REFERENCES `review_queue`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_verdict` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`values` text NOT NULL,
	`corrected_output` text,
	`comment` text,
	`gold` integer DEFAULT false NOT NULL,
	`supersedes` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `review_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_verdict_item_idx` ON `review_verdict` (`item_id`,`reviewer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_verdict_supersedes_uq` ON `review_verdict` (`supersedes`);