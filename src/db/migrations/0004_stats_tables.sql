CREATE TABLE "stats_boundaries" (
	"code" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"geometry" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"edition" text,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"facts" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_facts" (
	"dataset_id" text NOT NULL,
	"variable" text NOT NULL,
	"geo" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision,
	"text" text,
	"status" text NOT NULL,
	CONSTRAINT "stats_facts_dataset_id_variable_geo_year_pk" PRIMARY KEY("dataset_id","variable","geo","year")
);
--> statement-breakpoint
CREATE INDEX "stats_facts_variable_idx" ON "stats_facts" USING btree ("variable","year");