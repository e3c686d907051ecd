CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_days_kind_ck" CHECK ("calendar_days"."kind" in ('holiday','compensatory','swapped_off','makeup_workday'))
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"urgency" text NOT NULL,
	"duplicate_radius_m" integer DEFAULT 0 NOT NULL,
	"default_agency_code" text,
	"route_to" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_urgency_ck" CHECK ("categories"."urgency" in ('urgent','field','normal')),
	CONSTRAINT "categories_route_to_ck" CHECK ("categories"."route_to" is null or "categories"."route_to" in ('unit_pc')),
	CONSTRAINT "categories_handler_ck" CHECK ("categories"."default_agency_code" is not null or "categories"."route_to" is not null),
	CONSTRAINT "categories_duplicate_radius_ck" CHECK ("categories"."duplicate_radius_m" >= 0)
);
--> statement-breakpoint
CREATE TABLE "deadline_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text,
	"urgency" text NOT NULL,
	"amount" integer NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "deadline_policies_urgency_ck" CHECK ("deadline_policies"."urgency" in ('urgent','field','normal')),
	CONSTRAINT "deadline_policies_amount_ck" CHECK ("deadline_policies"."amount" > 0),
	CONSTRAINT "deadline_policies_unit_ck" CHECK ("deadline_policies"."unit" in ('working_day','calendar_day','hour'))
);
--> statement-breakpoint
ALTER TABLE "deadline_policies" ADD CONSTRAINT "deadline_policies_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_policies_scope_uq" ON "deadline_policies" USING btree (coalesce("category_code", ''),"urgency");