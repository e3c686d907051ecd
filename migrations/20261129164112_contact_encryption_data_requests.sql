CREATE TABLE "data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"report_id" uuid,
	"tracking_code" text,
	"user_id" uuid,
	"contact_phone" text,
	"contact_email" text,
	"details" text,
	"correction" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"outcome_note" text,
	"ack_sent_at" timestamp with time zone,
	"outcome_sent_at" timestamp with time zone,
	CONSTRAINT "data_requests_kind_ck" CHECK ("data_requests"."kind" in ('access','correction','deletion','objection')),
	CONSTRAINT "data_requests_status_ck" CHECK ("data_requests"."status" in ('open','fulfilled','refused')),
	CONSTRAINT "data_requests_refusal_ck" CHECK ("data_requests"."status" <> 'refused' or "data_requests"."outcome_note" is not null)
);
--> statement-breakpoint
DROP INDEX "reports_reporter_phone_idx";--> statement-breakpoint
DROP INDEX "calls_caller_idx";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "caller_phone_hash" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_phone_hash" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reporter_email_hash" text;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_requests_status_idx" ON "data_requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "data_requests_report_idx" ON "data_requests" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reports_reporter_phone_hash_idx" ON "reports" USING btree ("reporter_phone_hash");--> statement-breakpoint
CREATE INDEX "reports_reporter_email_hash_idx" ON "reports" USING btree ("reporter_email_hash");--> statement-breakpoint
CREATE INDEX "calls_caller_idx" ON "calls" USING btree ("caller_phone_hash","started_at" DESC NULLS LAST);