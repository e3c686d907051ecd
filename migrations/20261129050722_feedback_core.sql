CREATE TABLE "deadline_alerts" (
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_alerts_kind_ck" CHECK ("deadline_alerts"."kind" in ('due_soon','overdue'))
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid,
	"purpose" text DEFAULT 'report' NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"upload_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_attachments_kind_ck" CHECK ("report_attachments"."kind" in ('photo','video','document')),
	CONSTRAINT "report_attachments_purpose_ck" CHECK ("report_attachments"."purpose" in ('report','answer')),
	CONSTRAINT "report_attachments_size_ck" CHECK ("report_attachments"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_label" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"channel" text NOT NULL,
	"citizen_category_code" text NOT NULL,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"unit_code" text,
	"urgency" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone,
	"extended_deadline_at" timestamp with time zone,
	"extension_state" text DEFAULT 'none' NOT NULL,
	"extension_days" integer,
	"agency_id" uuid,
	"suggested_agency_id" uuid,
	"handler_id" uuid,
	"reporter_user_id" uuid,
	"reporter_name" text,
	"reporter_phone" text,
	"reporter_email" text,
	"display_publicly" text DEFAULT 'anonymous' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_version" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"first_action_at" timestamp with time zone,
	"timeliness" text,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reject_reason" text,
	"merged_into_id" uuid,
	"idempotency_key" text,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', f_unaccent(coalesce(title, '') || ' ' || coalesce(body, '') || ' ' || coalesce(address, '') || ' ' || tracking_code))) STORED,
	CONSTRAINT "reports_status_ck" CHECK ("reports"."status" in ('received','accepted','rejected','assigned','in_progress','returned','answered','approved','published','closed','reopened','merged')),
	CONSTRAINT "reports_channel_ck" CHECK ("reports"."channel" in ('app','web','phone','email','open311','walk_in','other')),
	CONSTRAINT "reports_urgency_ck" CHECK ("reports"."urgency" in ('urgent','field','normal')),
	CONSTRAINT "reports_extension_ck" CHECK ("reports"."extension_state" in ('none','requested','granted','refused')),
	CONSTRAINT "reports_display_ck" CHECK ("reports"."display_publicly" in ('name','anonymous')),
	CONSTRAINT "reports_rating_ck" CHECK ("reports"."rating" is null or "reports"."rating" in ('satisfied','unsatisfied')),
	CONSTRAINT "reports_timeliness_ck" CHECK ("reports"."timeliness" is null or "reports"."timeliness" in ('on_time','late','late_with_extension')),
	CONSTRAINT "reports_reject_reason_ck" CHECK ("reports"."reject_reason" is null or "reports"."reject_reason" in ('spam','duplicate','out_of_scope','complaint_procedure','insufficient_info','emergency')),
	CONSTRAINT "reports_rejected_has_reason_ck" CHECK ("reports"."status" <> 'rejected' or "reports"."reject_reason" is not null),
	CONSTRAINT "reports_merged_has_target_ck" CHECK ("reports"."status" <> 'merged' or "reports"."merged_into_id" is not null),
	CONSTRAINT "reports_location_ck" CHECK (("reports"."lat" is null) = ("reports"."lon" is null)),
	CONSTRAINT "reports_version_ck" CHECK ("reports"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "response_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_code" text,
	"purpose" text DEFAULT 'answer' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text NOT NULL,
	"unit_code" text,
	"agency_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_alerts" ADD CONSTRAINT "deadline_alerts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_notes" ADD CONSTRAINT "report_notes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_merged_into_id_reports_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_alerts_uq" ON "deadline_alerts" USING btree ("report_id","kind","deadline_at");--> statement-breakpoint
CREATE INDEX "report_attachments_report_idx" ON "report_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","id");--> statement-breakpoint
CREATE INDEX "report_events_at_idx" ON "report_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "report_notes_report_idx" ON "report_notes" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_tracking_code_uq" ON "reports" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_idempotency_uq" ON "reports" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "reports_queue_idx" ON "reports" USING btree ("status","received_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "reports_agency_idx" ON "reports" USING btree ("agency_id","status","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_deadline_idx" ON "reports" USING btree ("deadline_at") WHERE status in ('received','accepted','assigned','in_progress','returned','answered','approved','reopened');--> statement-breakpoint
CREATE INDEX "reports_category_idx" ON "reports" USING btree ("category_code","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_code","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("search");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_scope_uq" ON "routing_rules" USING btree ("category_code",coalesce("unit_code", ''));