ALTER TABLE "reports" ADD COLUMN "lang" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_lang_ck" CHECK ("reports"."lang" in ('vi','en'));