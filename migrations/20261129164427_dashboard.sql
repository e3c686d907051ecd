-- The rollups are rebuilt from the reports by the next refresh (analytics_facts starts empty).
DELETE FROM "analytics_state";--> statement-breakpoint
DELETE FROM "analytics_daily";--> statement-breakpoint
DELETE FROM "analytics_monthly";--> statement-breakpoint
DELETE FROM "analytics_monthly_agency";--> statement-breakpoint
DELETE FROM "analytics_returns";--> statement-breakpoint
CREATE TABLE "analytics_daily_agency_dims" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"key" text,
	"received" integer DEFAULT 0 NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"overdue_open" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"late_with_extension" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"fa_count" integer DEFAULT 0 NOT NULL,
	"fa_sum_hours" double precision DEFAULT 0 NOT NULL,
	"ans_sum_hours" double precision DEFAULT 0 NOT NULL,
	"fa_h0" integer DEFAULT 0 NOT NULL,
	"fa_h1" integer DEFAULT 0 NOT NULL,
	"fa_h2" integer DEFAULT 0 NOT NULL,
	"fa_h3" integer DEFAULT 0 NOT NULL,
	"fa_h4" integer DEFAULT 0 NOT NULL,
	"fa_h5" integer DEFAULT 0 NOT NULL,
	"fa_h6" integer DEFAULT 0 NOT NULL,
	"fa_h7" integer DEFAULT 0 NOT NULL,
	"fa_h8" integer DEFAULT 0 NOT NULL,
	"fa_h9" integer DEFAULT 0 NOT NULL,
	"fa_h10" integer DEFAULT 0 NOT NULL,
	"fa_h11" integer DEFAULT 0 NOT NULL,
	"fa_h12" integer DEFAULT 0 NOT NULL,
	"fa_h13" integer DEFAULT 0 NOT NULL,
	"ans_h0" integer DEFAULT 0 NOT NULL,
	"ans_h1" integer DEFAULT 0 NOT NULL,
	"ans_h2" integer DEFAULT 0 NOT NULL,
	"ans_h3" integer DEFAULT 0 NOT NULL,
	"ans_h4" integer DEFAULT 0 NOT NULL,
	"ans_h5" integer DEFAULT 0 NOT NULL,
	"ans_h6" integer DEFAULT 0 NOT NULL,
	"ans_h7" integer DEFAULT 0 NOT NULL,
	"ans_h8" integer DEFAULT 0 NOT NULL,
	"ans_h9" integer DEFAULT 0 NOT NULL,
	"ans_h10" integer DEFAULT 0 NOT NULL,
	"ans_h11" integer DEFAULT 0 NOT NULL,
	"ans_h12" integer DEFAULT 0 NOT NULL,
	"ans_h13" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_agency_dims_key_uq" UNIQUE NULLS NOT DISTINCT("agency_id","day","dim","key")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_dims" (
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"key" text,
	"received" integer DEFAULT 0 NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"overdue_open" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"late_with_extension" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"fa_count" integer DEFAULT 0 NOT NULL,
	"fa_sum_hours" double precision DEFAULT 0 NOT NULL,
	"ans_sum_hours" double precision DEFAULT 0 NOT NULL,
	"fa_h0" integer DEFAULT 0 NOT NULL,
	"fa_h1" integer DEFAULT 0 NOT NULL,
	"fa_h2" integer DEFAULT 0 NOT NULL,
	"fa_h3" integer DEFAULT 0 NOT NULL,
	"fa_h4" integer DEFAULT 0 NOT NULL,
	"fa_h5" integer DEFAULT 0 NOT NULL,
	"fa_h6" integer DEFAULT 0 NOT NULL,
	"fa_h7" integer DEFAULT 0 NOT NULL,
	"fa_h8" integer DEFAULT 0 NOT NULL,
	"fa_h9" integer DEFAULT 0 NOT NULL,
	"fa_h10" integer DEFAULT 0 NOT NULL,
	"fa_h11" integer DEFAULT 0 NOT NULL,
	"fa_h12" integer DEFAULT 0 NOT NULL,
	"fa_h13" integer DEFAULT 0 NOT NULL,
	"ans_h0" integer DEFAULT 0 NOT NULL,
	"ans_h1" integer DEFAULT 0 NOT NULL,
	"ans_h2" integer DEFAULT 0 NOT NULL,
	"ans_h3" integer DEFAULT 0 NOT NULL,
	"ans_h4" integer DEFAULT 0 NOT NULL,
	"ans_h5" integer DEFAULT 0 NOT NULL,
	"ans_h6" integer DEFAULT 0 NOT NULL,
	"ans_h7" integer DEFAULT 0 NOT NULL,
	"ans_h8" integer DEFAULT 0 NOT NULL,
	"ans_h9" integer DEFAULT 0 NOT NULL,
	"ans_h10" integer DEFAULT 0 NOT NULL,
	"ans_h11" integer DEFAULT 0 NOT NULL,
	"ans_h12" integer DEFAULT 0 NOT NULL,
	"ans_h13" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_dims_key_uq" UNIQUE NULLS NOT DISTINCT("day","dim","key")
);
--> statement-breakpoint
CREATE TABLE "analytics_facts" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"area_code" text,
	"category_code" text NOT NULL,
	"channel" text NOT NULL,
	"agency_id" uuid,
	"open_count" integer NOT NULL,
	"overdue_open" integer NOT NULL,
	"rejected" integer NOT NULL,
	"merged" integer NOT NULL,
	"answered" integer NOT NULL,
	"on_time" integer NOT NULL,
	"late" integer NOT NULL,
	"late_with_extension" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"fa_hours" double precision,
	"ans_hours" double precision
);
--> statement-breakpoint
CREATE TABLE "analytics_monthly_dims" (
	"month" date NOT NULL,
	"dim" text NOT NULL,
	"key" text,
	"received" integer DEFAULT 0 NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"overdue_open" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"late_with_extension" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"fa_count" integer DEFAULT 0 NOT NULL,
	"fa_sum_hours" double precision DEFAULT 0 NOT NULL,
	"ans_sum_hours" double precision DEFAULT 0 NOT NULL,
	"fa_h0" integer DEFAULT 0 NOT NULL,
	"fa_h1" integer DEFAULT 0 NOT NULL,
	"fa_h2" integer DEFAULT 0 NOT NULL,
	"fa_h3" integer DEFAULT 0 NOT NULL,
	"fa_h4" integer DEFAULT 0 NOT NULL,
	"fa_h5" integer DEFAULT 0 NOT NULL,
	"fa_h6" integer DEFAULT 0 NOT NULL,
	"fa_h7" integer DEFAULT 0 NOT NULL,
	"fa_h8" integer DEFAULT 0 NOT NULL,
	"fa_h9" integer DEFAULT 0 NOT NULL,
	"fa_h10" integer DEFAULT 0 NOT NULL,
	"fa_h11" integer DEFAULT 0 NOT NULL,
	"fa_h12" integer DEFAULT 0 NOT NULL,
	"fa_h13" integer DEFAULT 0 NOT NULL,
	"ans_h0" integer DEFAULT 0 NOT NULL,
	"ans_h1" integer DEFAULT 0 NOT NULL,
	"ans_h2" integer DEFAULT 0 NOT NULL,
	"ans_h3" integer DEFAULT 0 NOT NULL,
	"ans_h4" integer DEFAULT 0 NOT NULL,
	"ans_h5" integer DEFAULT 0 NOT NULL,
	"ans_h6" integer DEFAULT 0 NOT NULL,
	"ans_h7" integer DEFAULT 0 NOT NULL,
	"ans_h8" integer DEFAULT 0 NOT NULL,
	"ans_h9" integer DEFAULT 0 NOT NULL,
	"ans_h10" integer DEFAULT 0 NOT NULL,
	"ans_h11" integer DEFAULT 0 NOT NULL,
	"ans_h12" integer DEFAULT 0 NOT NULL,
	"ans_h13" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_monthly_dims_key_uq" UNIQUE NULLS NOT DISTINCT("month","dim","key")
);
--> statement-breakpoint
DROP INDEX "analytics_daily_day_idx";--> statement-breakpoint
DROP INDEX "analytics_monthly_month_idx";--> statement-breakpoint
DROP INDEX "analytics_monthly_agency_month_idx";--> statement-breakpoint
CREATE INDEX "analytics_daily_agency_dims_empty_idx" ON "analytics_daily_agency_dims" USING btree ("received") WHERE received = 0;--> statement-breakpoint
CREATE INDEX "analytics_daily_agency_dims_open_idx" ON "analytics_daily_agency_dims" USING btree ("agency_id","day") WHERE open_count > 0 and dim = 'channel';--> statement-breakpoint
CREATE INDEX "analytics_daily_dims_empty_idx" ON "analytics_daily_dims" USING btree ("received") WHERE received = 0;--> statement-breakpoint
CREATE INDEX "analytics_daily_dims_open_idx" ON "analytics_daily_dims" USING btree ("dim","day") WHERE open_count > 0;--> statement-breakpoint
CREATE INDEX "analytics_monthly_dims_empty_idx" ON "analytics_monthly_dims" USING btree ("received") WHERE received = 0;--> statement-breakpoint
CREATE INDEX "analytics_daily_empty_idx" ON "analytics_daily" USING btree ("received") WHERE received = 0;--> statement-breakpoint
CREATE INDEX "analytics_daily_area_idx" ON "analytics_daily" USING btree ("area_code","day");--> statement-breakpoint
CREATE INDEX "analytics_daily_category_idx" ON "analytics_daily" USING btree ("category_code","day");--> statement-breakpoint
CREATE INDEX "analytics_daily_open_area_idx" ON "analytics_daily" USING btree ("area_code","day") WHERE open_count > 0;--> statement-breakpoint
CREATE INDEX "analytics_daily_open_category_idx" ON "analytics_daily" USING btree ("category_code","day") WHERE open_count > 0;--> statement-breakpoint
CREATE INDEX "analytics_daily_open_channel_idx" ON "analytics_daily" USING btree ("channel","day") WHERE open_count > 0;--> statement-breakpoint
CREATE INDEX "analytics_monthly_empty_idx" ON "analytics_monthly" USING btree ("received") WHERE received = 0;--> statement-breakpoint
CREATE INDEX "analytics_monthly_agency_empty_idx" ON "analytics_monthly_agency" USING btree ("received") WHERE received = 0;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD CONSTRAINT "analytics_daily_key_uq" UNIQUE NULLS NOT DISTINCT("day","area_code","category_code","channel","agency_id");--> statement-breakpoint
ALTER TABLE "analytics_monthly" ADD CONSTRAINT "analytics_monthly_key_uq" UNIQUE NULLS NOT DISTINCT("month","area_code","category_code","channel");--> statement-breakpoint
ALTER TABLE "analytics_monthly_agency" ADD CONSTRAINT "analytics_monthly_agency_key_uq" UNIQUE NULLS NOT DISTINCT("month","agency_id");