CREATE TABLE "campaign_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"aggregation" text DEFAULT 'sum' NOT NULL,
	"minimum" numeric,
	"community_source" text,
	CONSTRAINT "campaign_measures_aggregation_ck" CHECK ("campaign_measures"."aggregation" in ('sum','average')),
	CONSTRAINT "campaign_measures_community_ck" CHECK ("campaign_measures"."community_source" is null or "campaign_measures"."community_source" in ('households_guided','people_guided','installs_helped'))
);
--> statement-breakpoint
CREATE TABLE "campaign_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_notices_kind_ck" CHECK ("campaign_notices"."kind" in ('due_soon','overdue'))
);
--> statement-breakpoint
CREATE TABLE "campaign_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issuing_body" text NOT NULL,
	"issued_on" date,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"due_day" integer DEFAULT 15 NOT NULL,
	"remind_days_before" integer DEFAULT 5 NOT NULL,
	"close_after_days" integer DEFAULT 60 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_plans_status_ck" CHECK ("campaign_plans"."status" in ('draft','active','closed')),
	CONSTRAINT "campaign_plans_due_day_ck" CHECK ("campaign_plans"."due_day" between 1 and 28),
	CONSTRAINT "campaign_plans_dates_ck" CHECK ("campaign_plans"."ends_on" >= "campaign_plans"."starts_on"),
	CONSTRAINT "campaign_plans_remind_ck" CHECK ("campaign_plans"."remind_days_before" between 0 and 60),
	CONSTRAINT "campaign_plans_close_ck" CHECK ("campaign_plans"."close_after_days" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "campaign_report_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_report_events_action_ck" CHECK ("campaign_report_events"."action" in ('save','submit','resubmit','request_correction','accept'))
);
--> statement-breakpoint
CREATE TABLE "campaign_report_figures" (
	"report_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "campaign_report_figures_report_id_measure_id_pk" PRIMARY KEY("report_id","measure_id"),
	CONSTRAINT "campaign_report_figures_value_ck" CHECK ("campaign_report_figures"."value" >= 0 and "campaign_report_figures"."value" < 100000000)
);
--> statement-breakpoint
CREATE TABLE "campaign_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_report_files_size_ck" CHECK ("campaign_report_files"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"late" text DEFAULT 'no' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_reports_status_ck" CHECK ("campaign_reports"."status" in ('draft','submitted','correction_requested','accepted')),
	CONSTRAINT "campaign_reports_quarter_ck" CHECK ("campaign_reports"."quarter" between 1 and 4),
	CONSTRAINT "campaign_reports_year_ck" CHECK ("campaign_reports"."year" between 2000 and 2100),
	CONSTRAINT "campaign_reports_late_ck" CHECK ("campaign_reports"."late" in ('no','yes')),
	CONSTRAINT "campaign_reports_submitted_ck" CHECK ("campaign_reports"."status" = 'draft' or "campaign_reports"."submitted_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"measure_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"target_percent" numeric NOT NULL,
	"base_value" integer NOT NULL,
	"base_label" text NOT NULL,
	"due_on" date NOT NULL,
	CONSTRAINT "campaign_targets_percent_ck" CHECK ("campaign_targets"."target_percent" > 0 and "campaign_targets"."target_percent" <= 100),
	CONSTRAINT "campaign_targets_base_ck" CHECK ("campaign_targets"."base_value" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"assignee_group" text NOT NULL,
	"assignee_agency_id" uuid,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "campaign_tasks_group_ck" CHECK ("campaign_tasks"."assignee_group" in ('all_recipients','departments','district_pcs','sociopolitical','press','service_centres','agency')),
	CONSTRAINT "campaign_tasks_agency_ck" CHECK (("campaign_tasks"."assignee_group" = 'agency') = ("campaign_tasks"."assignee_agency_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "community_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_key" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"activity_on" date NOT NULL,
	"place" text NOT NULL,
	"households_guided" integer DEFAULT 0 NOT NULL,
	"people_guided" integer DEFAULT 0 NOT NULL,
	"installs_helped" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_activities_figures_ck" CHECK ("community_activities"."households_guided" between 0 and 10000 and "community_activities"."people_guided" between 0 and 100000 and "community_activities"."installs_helped" between 0 and 100000)
);
--> statement-breakpoint
ALTER TABLE "campaign_measures" ADD CONSTRAINT "campaign_measures_plan_id_campaign_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."campaign_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_measures" ADD CONSTRAINT "campaign_measures_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_notices" ADD CONSTRAINT "campaign_notices_plan_id_campaign_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."campaign_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_notices" ADD CONSTRAINT "campaign_notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report_events" ADD CONSTRAINT "campaign_report_events_report_id_campaign_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."campaign_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report_events" ADD CONSTRAINT "campaign_report_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report_figures" ADD CONSTRAINT "campaign_report_figures_report_id_campaign_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."campaign_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report_figures" ADD CONSTRAINT "campaign_report_figures_measure_id_campaign_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."campaign_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report_files" ADD CONSTRAINT "campaign_report_files_report_id_campaign_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."campaign_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report_files" ADD CONSTRAINT "campaign_report_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_plan_id_campaign_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."campaign_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_plan_id_campaign_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."campaign_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_unit_code_admin_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."admin_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_plan_id_campaign_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."campaign_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_assignee_agency_id_agencies_id_fk" FOREIGN KEY ("assignee_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_activities" ADD CONSTRAINT "community_activities_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_activities" ADD CONSTRAINT "community_activities_unit_code_admin_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."admin_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_activities" ADD CONSTRAINT "community_activities_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_measures_code_uq" ON "campaign_measures" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "campaign_measures_task_idx" ON "campaign_measures" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_notices_uq" ON "campaign_notices" USING btree ("plan_id","agency_id","year","quarter","kind");--> statement-breakpoint
CREATE INDEX "campaign_notices_agency_idx" ON "campaign_notices" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_plans_number_uq" ON "campaign_plans" USING btree ("number");--> statement-breakpoint
CREATE INDEX "campaign_report_events_report_idx" ON "campaign_report_events" USING btree ("report_id","id");--> statement-breakpoint
CREATE INDEX "campaign_report_files_report_idx" ON "campaign_report_files" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_reports_uq" ON "campaign_reports" USING btree ("plan_id","agency_id","year","quarter");--> statement-breakpoint
CREATE INDEX "campaign_reports_quarter_idx" ON "campaign_reports" USING btree ("plan_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_targets_uq" ON "campaign_targets" USING btree ("plan_id","measure_code","unit_code");--> statement-breakpoint
CREATE INDEX "campaign_tasks_plan_idx" ON "campaign_tasks" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "community_activities_client_uq" ON "community_activities" USING btree ("recorded_by","client_key");--> statement-breakpoint
CREATE INDEX "community_activities_unit_idx" ON "community_activities" USING btree ("unit_code","activity_on");