CREATE TABLE "arco_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"email" text,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"note" text,
	"requests_anonymized" integer
);
--> statement-breakpoint
CREATE TABLE "published_answers" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"geo" text NOT NULL,
	"geo_name" text NOT NULL,
	"geo_ids" jsonb NOT NULL,
	"years" jsonb NOT NULL,
	"query_key" text NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"basis" text NOT NULL,
	"files" jsonb NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_answers" ADD CONSTRAINT "published_answers_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arco_requests_code_uq" ON "arco_requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "arco_requests_status_due_idx" ON "arco_requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "arco_requests_email_idx" ON "arco_requests" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "published_answers_public_id_uq" ON "published_answers" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "published_answers_query_key_idx" ON "published_answers" USING btree ("query_key");--> statement-breakpoint
CREATE INDEX "published_answers_search_idx" ON "published_answers" USING gin (to_tsvector('spanish', "search_text"));