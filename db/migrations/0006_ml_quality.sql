CREATE TABLE `prediction` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`model_version_id` integer,
	`ts` integer NOT NULL,
	`sample_key` integer NOT NULL,
	`value_num` real,
	`value_text` text,
	`score` real,
	`features` text,
	`attributions` text
);
--> statement-breakpoint
CREATE INDEX `prediction_window_idx` ON `prediction` (`project_id`,`model_id`,`ts`,`sample_key`);--> statement-breakpoint
CREATE TABLE `drift_reference` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`model_version_id` integer DEFAULT 0 NOT NULL,
	`kind` text NOT NULL,
	`from_ts` integer,
	`to_ts` integer,
	`source_version_id` integer,
	`dataset_name` text,
	`row_count` integer,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drift_reference_model_uq` ON `drift_reference` (`project_id`,`model_id`,`model_version_id`);--> statement-breakpoint
CREATE TABLE `reference_row` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference_id` integer NOT NULL,
	`features` text NOT NULL,
	`prediction_num` integer,
	`prediction_text` text,
	FOREIGN KEY (`reference_id`) REFERENCES `drift_reference`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `model_lineage` (
	`model_version_id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`dataset_name` text,
	`dataset_version` text,
	`dataset_rows` integer,
	`git_commit` text,
	`repository_url` text,
	`training_run_url` text,
	`parent_version` text,
	`tags` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_version`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `drift_point` (
	`project_id` integer NOT NULL,
	`model_id` integer NOT NULL,
	`resolution` integer NOT NULL,
	`bucket` integer NOT NULL,
	`feature` text NOT NULL,
	`method` text NOT NULL,
	`statistic` real,
	`p_value` real,
	`drifted` integer NOT NULL,
	`reference_count` integer NOT NULL,
	`current_count` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `model_id`, `resolution`, `bucket`, `feature`)
);
--> statement-breakpoint
-- Hand-written backfill (keep when regenerating, ADR 0034): predictions stored before the side table get their row and a random sample key.
INSERT INTO `prediction` (`event_id`, `project_id`, `model_id`, `model_version_id`, `ts`, `sample_key`, `value_num`, `value_text`, `score`, `features`, `attributions`)
SELECT `id`, `project_id`, `model_id`, `model_version_id`, `ts`, abs(random() % 2147483648),
  CASE WHEN json_type(`body`, '$.prediction') IN ('integer', 'real') THEN json_extract(`body`, '$.prediction') END,
  CASE WHEN json_type(`body`, '$.prediction') = 'text' THEN json_extract(`body`, '$.prediction') END,
  `score`, json_extract(`body`, '$.features'), json_extract(`body`, '$.attributions')
FROM `event` WHERE `type` = 'prediction' AND `model_id` IS NOT NULL;
