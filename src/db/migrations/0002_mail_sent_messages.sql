CREATE TABLE "sent_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"job_id" bigint,
	"template" text NOT NULL,
	"transport" text NOT NULL,
	"response" text,
	"sent_at" timestamp with time zone NOT NULL
);
