CREATE TABLE `alert_channel` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`url` text,
	`secret` text,
	`routing_key` text,
	`enabled` integer DEFAULT true NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`disabled_at` integer,
	`disabled_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_channel_project_idx` ON `alert_channel` (`project_id`);--> statement-breakpoint
CREATE TABLE `alert_rule` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`metric` text NOT NULL,
	`scope` text NOT NULL,
	`group_by` text,
	`window_seconds` integer NOT NULL,
	`comparator` text NOT NULL,
	`threshold` real NOT NULL,
	`warning_threshold` real,
	`recovery_threshold` real,
	`warning_recovery_threshold` real,
	`pending_seconds` integer DEFAULT 0 NOT NULL,
	`keep_firing_seconds` integer DEFAULT 0 NOT NULL,
	`min_samples` integer DEFAULT 0 NOT NULL,
	`no_data` text DEFAULT 'ignore' NOT NULL,
	`relative_baseline` text,
	`renotify_seconds` integer,
	`channel_ids` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_evaluated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_rule_project_idx` ON `alert_rule` (`project_id`);--> statement-breakpoint
CREATE TABLE `alert_incident` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`rule_id` integer NOT NULL,
	`group_key` text NOT NULL,
	`labels` text NOT NULL,
	`state` text NOT NULL,
	`severity` text,
	`value` real,
	`state_since` integer NOT NULL,
	`pending_since` integer,
	`recovering_since` integer,
	`started_at` integer NOT NULL,
	`fired_at` integer,
	`resolved_at` integer,
	`last_notified_at` integer,
	`last_samples` integer DEFAULT 0 NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`history` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rule`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_incident_open_uq` ON `alert_incident` (`rule_id`,`group_key`) WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE INDEX `alert_incident_project_idx` ON `alert_incident` (`project_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `alert_silence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`rule_id` integer,
	`incident_id` integer,
	`match_labels` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_silence_project_idx` ON `alert_silence` (`project_id`,`ends_at`);--> statement-breakpoint
CREATE TABLE `alert_notification` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`incident_id` integer,
	`rule_id` integer,
	`kind` text NOT NULL,
	`event` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`channel_id`) REFERENCES `alert_channel`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_notification_due_idx` ON `alert_notification` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `alert_notification_incident_idx` ON `alert_notification` (`incident_id`);--> statement-breakpoint
CREATE TABLE `alert_delivery` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`notification_id` text NOT NULL,
	`channel_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`latency_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`error` text,
	`response_excerpt` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`notification_id`) REFERENCES `alert_notification`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_delivery_project_idx` ON `alert_delivery` (`project_id`,`at`);--> statement-breakpoint
CREATE INDEX `alert_delivery_notification_idx` ON `alert_delivery` (`notification_id`);