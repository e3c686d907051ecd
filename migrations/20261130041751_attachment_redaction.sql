ALTER TABLE "report_attachments" ADD COLUMN "redacted_key" text;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD COLUMN "redacted_thumbnail_key" text;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD COLUMN "redactions" jsonb;