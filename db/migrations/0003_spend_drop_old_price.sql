DROP TABLE `price`;--> statement-breakpoint
ALTER TABLE `event` ADD `cache_read_tokens` integer;--> statement-breakpoint
ALTER TABLE `event` ADD `cache_write_tokens` integer;--> statement-breakpoint
ALTER TABLE `event` ADD `reasoning_tokens` integer;--> statement-breakpoint
ALTER TABLE `event` ADD `cost_reported` integer;--> statement-breakpoint
ALTER TABLE `event` ADD `cost_input_usd` real;--> statement-breakpoint
ALTER TABLE `event` ADD `cost_cache_read_usd` real;--> statement-breakpoint
ALTER TABLE `event` ADD `cost_cache_write_usd` real;--> statement-breakpoint
ALTER TABLE `event` ADD `cost_output_usd` real;--> statement-breakpoint
ALTER TABLE `event` ADD `cost_reasoning_usd` real;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cache_read_tokens` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cache_write_tokens` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `reasoning_tokens` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cost_input_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cost_cache_read_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cost_cache_write_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cost_output_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup` ADD `cost_reasoning_usd` real DEFAULT 0 NOT NULL;