CREATE TABLE `price` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer,
	`model` text NOT NULL,
	`match` text NOT NULL,
	`provider` text,
	`input_per_mtok` real NOT NULL,
	`output_per_mtok` real NOT NULL,
	`cache_read_per_mtok` real,
	`cache_write_per_mtok` real,
	`cache_write_1h_per_mtok` real,
	`reasoning_per_mtok` real,
	`audio_input_per_mtok` real,
	`audio_output_per_mtok` real,
	`image_input_per_mtok` real,
	`image_output_per_mtok` real,
	`tiers` text DEFAULT '[]' NOT NULL,
	`effective_from` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `price_project_idx` ON `price` (`project_id`);--> statement-breakpoint
CREATE TABLE `reprice_job` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`from_ts` integer NOT NULL,
	`to_ts` integer NOT NULL,
	`model` text,
	`status` text NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`error` text,
	`requested_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
