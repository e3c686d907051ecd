CREATE TABLE "app_installs" (
	"install_hash" text PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"district_code" text NOT NULL,
	"first_seen_on" date NOT NULL,
	"last_seen_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_store_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"month" date NOT NULL,
	"store" text NOT NULL,
	"installs" integer NOT NULL,
	"active_users" integer NOT NULL,
	"entered_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_store_figures_store_ck" CHECK ("app_store_figures"."store" in ('google_play','app_store')),
	CONSTRAINT "app_store_figures_values_ck" CHECK ("app_store_figures"."installs" between 0 and 10000000 and "app_store_figures"."active_users" between 0 and 10000000),
	CONSTRAINT "app_store_figures_month_ck" CHECK (extract(day from "app_store_figures"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "community_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"phone" text,
	"is_lead" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_team_members_name_ck" CHECK (length("community_team_members"."full_name") between 2 and 200)
);
--> statement-breakpoint
ALTER TABLE "campaign_notices" ADD COLUMN "mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_notices" ADD COLUMN "mailed_to" integer;--> statement-breakpoint
ALTER TABLE "campaign_plans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "community_activities" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "app_installs" ADD CONSTRAINT "app_installs_unit_code_admin_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."admin_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_store_figures" ADD CONSTRAINT "app_store_figures_unit_code_admin_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."admin_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_store_figures" ADD CONSTRAINT "app_store_figures_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_team_members" ADD CONSTRAINT "community_team_members_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_team_members" ADD CONSTRAINT "community_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_installs_district_idx" ON "app_installs" USING btree ("district_code","last_seen_on");--> statement-breakpoint
CREATE UNIQUE INDEX "app_store_figures_uq" ON "app_store_figures" USING btree ("unit_code","month","store");--> statement-breakpoint
CREATE INDEX "community_team_members_agency_idx" ON "community_team_members" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_team_members_user_uq" ON "community_team_members" USING btree ("agency_id","user_id");--> statement-breakpoint
ALTER TABLE "community_activities" ADD CONSTRAINT "community_activities_member_id_community_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_team_members"("id") ON DELETE no action ON UPDATE no action;