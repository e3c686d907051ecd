CREATE TABLE "triage_hotspots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"window_hours" integer NOT NULL,
	"count" integer NOT NULL,
	"expected" double precision NOT NULL,
	"p_value" double precision NOT NULL,
	"report_ids" jsonb NOT NULL,
	"first_detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "triage_hotspots_status_ck" CHECK ("triage_hotspots"."status" in ('open','acknowledged','dismissed','expired')),
	CONSTRAINT "triage_hotspots_count_ck" CHECK ("triage_hotspots"."count" > 0 and "triage_hotspots"."window_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "triage_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL,
	"training_size" integer NOT NULL,
	"confirmed_size" integer DEFAULT 0 NOT NULL,
	"test_size" integer NOT NULL,
	"top1" double precision NOT NULL,
	"top3" double precision NOT NULL,
	"training_ms" integer NOT NULL,
	"model" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"trigger" text NOT NULL,
	"created_by" uuid,
	CONSTRAINT "triage_models_trigger_ck" CHECK ("triage_models"."trigger" in ('schedule','manual','seed')),
	CONSTRAINT "triage_models_accuracy_ck" CHECK ("triage_models"."top1" between 0 and 1 and "triage_models"."top3" between 0 and 1),
	CONSTRAINT "triage_models_sizes_ck" CHECK ("triage_models"."training_size" >= 0 and "triage_models"."test_size" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "triage_hotspots_ongoing_uq" ON "triage_hotspots" USING btree ("category_code","unit_code") WHERE "triage_hotspots"."status" in ('open','acknowledged');--> statement-breakpoint
CREATE INDEX "triage_hotspots_recent_idx" ON "triage_hotspots" USING btree ("last_detected_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "triage_models_version_uq" ON "triage_models" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "triage_models_one_active_uq" ON "triage_models" USING btree ("active") WHERE "triage_models"."active";