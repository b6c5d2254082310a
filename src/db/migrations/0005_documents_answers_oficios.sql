CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"data" jsonb NOT NULL,
	"files" jsonb NOT NULL,
	"oficio_id" uuid,
	"bundle_sha256" text,
	"prepared_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oficio_counters" (
	"agency_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "oficio_counters_agency_code_year_pk" PRIMARY KEY("agency_code","year")
);
--> statement-breakpoint
CREATE TABLE "oficios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"number" text NOT NULL,
	"folio" text NOT NULL,
	"verification_code" text NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"sha256" text NOT NULL,
	"signatory_name" text NOT NULL,
	"signatory_post" text NOT NULL,
	"signer_role" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"certificate_sha256" text NOT NULL,
	"cadena" text NOT NULL,
	"sello" text NOT NULL,
	"test" boolean NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"replaced_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pending_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"staff_id" text NOT NULL,
	"draft" jsonb NOT NULL,
	"certificate_sha256" text NOT NULL,
	"sello" text,
	"prepared_sha256" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"staff_id" uuid,
	"subject" text NOT NULL,
	"serial" text NOT NULL,
	"sha256" text NOT NULL,
	"der" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_documents" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oficios" ADD CONSTRAINT "oficios_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_signatures" ADD CONSTRAINT "pending_signatures_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_request_idx" ON "answers" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "oficios_number_uq" ON "oficios" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "oficios_code_uq" ON "oficios" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "oficios_request_idx" ON "oficios" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "oficios_sha_idx" ON "oficios" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_sha_uq" ON "signing_certificates" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "signing_certificates_role_idx" ON "signing_certificates" USING btree ("role","active");