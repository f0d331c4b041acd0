CREATE TABLE "login_failure" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_failure_key_idx" ON "login_failure" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "login_failure_at_idx" ON "login_failure" USING btree ("at");