CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"last_id" bigint NOT NULL,
	"row_count" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"keyed_from" bigint,
	"mac" text NOT NULL,
	"signature" text NOT NULL,
	"certificate" text NOT NULL
);
