CREATE TABLE "rate_limit_counters" (
	"rule" text NOT NULL,
	"key_hash" text NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_counters_rule_key_hash_pk" PRIMARY KEY("rule","key_hash")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_reset_idx" ON "rate_limit_counters" USING btree ("reset_at");