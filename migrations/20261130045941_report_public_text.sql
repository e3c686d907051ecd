ALTER TABLE "reports" ADD COLUMN "public_title" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_body" text;