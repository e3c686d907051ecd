CREATE TABLE "report_push_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"lang" text DEFAULT 'vi' NOT NULL,
	"user_id" uuid,
	"report_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_push_targets_owner_ck" CHECK (("report_push_targets"."user_id" is null) <> ("report_push_targets"."report_id" is null)),
	CONSTRAINT "report_push_targets_lang_ck" CHECK ("report_push_targets"."lang" in ('vi','en'))
);
--> statement-breakpoint
ALTER TABLE "report_push_targets" ADD CONSTRAINT "report_push_targets_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_push_targets_user_uq" ON "report_push_targets" USING btree ("endpoint","user_id") WHERE "report_push_targets"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "report_push_targets_report_uq" ON "report_push_targets" USING btree ("endpoint","report_id") WHERE "report_push_targets"."report_id" is not null;--> statement-breakpoint
CREATE INDEX "report_push_targets_user_idx" ON "report_push_targets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "report_push_targets_report_idx" ON "report_push_targets" USING btree ("report_id");