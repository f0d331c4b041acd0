CREATE TABLE `job_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text,
	`lease_expires_at` integer NOT NULL,
	`next_run_at` integer NOT NULL,
	`last_started_at` integer,
	`last_finished_at` integer,
	`last_error` text
);
