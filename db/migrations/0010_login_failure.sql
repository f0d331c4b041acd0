CREATE TABLE `login_failure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failure_key_idx` ON `login_failure` (`key`,`at`);--> statement-breakpoint
CREATE INDEX `login_failure_at_idx` ON `login_failure` (`at`);