CREATE TABLE "alert_deliveries" (
	"alert_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"channel" text DEFAULT 'push' NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"http_status" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_deliveries_alert_id_subscription_id_channel_pk" PRIMARY KEY("alert_id","subscription_id","channel"),
	CONSTRAINT "alert_deliveries_channel_ck" CHECK ("alert_deliveries"."channel" in ('push','email','sms')),
	CONSTRAINT "alert_deliveries_status_ck" CHECK ("alert_deliveries"."status" in ('sending','sent','retry','failed','removed'))
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"sender" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"status" text NOT NULL,
	"msg_type" text DEFAULT 'Alert' NOT NULL,
	"scope" text DEFAULT 'Public' NOT NULL,
	"references_id" uuid,
	"root_id" uuid NOT NULL,
	"template_code" text,
	"category" text NOT NULL,
	"response_type" text NOT NULL,
	"urgency" text NOT NULL,
	"severity" text NOT NULL,
	"certainty" text NOT NULL,
	"onset" timestamp with time zone,
	"expires" timestamp with time zone NOT NULL,
	"sent" timestamp with time zone,
	"texts_vi" jsonb NOT NULL,
	"texts_en" jsonb,
	"web" text,
	"area_desc" text NOT NULL,
	"unit_codes" text[] NOT NULL,
	"polygon" jsonb,
	"circle" jsonb,
	"created_by" uuid NOT NULL,
	"created_by_label" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_by_label" text,
	"approved_at" timestamp with time zone,
	"reject_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_state_ck" CHECK ("alerts"."state" in ('draft','submitted','approved','rejected','published','superseded','cancelled','expired')),
	CONSTRAINT "alerts_status_ck" CHECK ("alerts"."status" in ('Actual','Exercise','System','Test','Draft')),
	CONSTRAINT "alerts_msg_type_ck" CHECK ("alerts"."msg_type" in ('Alert','Update','Cancel')),
	CONSTRAINT "alerts_scope_ck" CHECK ("alerts"."scope" in ('Public','Restricted','Private')),
	CONSTRAINT "alerts_category_ck" CHECK ("alerts"."category" in ('Geo','Met','Safety','Security','Rescue','Fire','Health','Env','Transport','Infra','CBRNE','Other')),
	CONSTRAINT "alerts_response_type_ck" CHECK ("alerts"."response_type" in ('Shelter','Evacuate','Prepare','Execute','Avoid','Monitor','Assess','AllClear','None')),
	CONSTRAINT "alerts_urgency_ck" CHECK ("alerts"."urgency" in ('Immediate','Expected','Future','Past','Unknown')),
	CONSTRAINT "alerts_severity_ck" CHECK ("alerts"."severity" in ('Extreme','Severe','Moderate','Minor','Unknown')),
	CONSTRAINT "alerts_certainty_ck" CHECK ("alerts"."certainty" in ('Observed','Likely','Possible','Unlikely','Unknown')),
	CONSTRAINT "alerts_units_ck" CHECK (cardinality("alerts"."unit_codes") >= 1),
	CONSTRAINT "alerts_references_ck" CHECK (("alerts"."msg_type" = 'Alert') = ("alerts"."references_id" is null)),
	CONSTRAINT "alerts_published_sent_ck" CHECK ("alerts"."state" not in ('published','superseded','cancelled','expired') or "alerts"."sent" is not null),
	CONSTRAINT "alerts_approved_by_other_ck" CHECK ("alerts"."approved_by" is null or "alerts"."approved_by" <> "alerts"."created_by"),
	CONSTRAINT "alerts_expires_after_onset_ck" CHECK ("alerts"."onset" is null or "alerts"."expires" > "alerts"."onset")
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"unit_codes" text[] NOT NULL,
	"lang" text DEFAULT 'vi' NOT NULL,
	"drills" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_lang_ck" CHECK ("push_subscriptions"."lang" in ('vi','en')),
	CONSTRAINT "push_subscriptions_units_ck" CHECK (cardinality("push_subscriptions"."unit_codes") >= 1)
);
--> statement-breakpoint
CREATE TABLE "vapid_keys" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vapid_keys_single_ck" CHECK ("vapid_keys"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_references_id_alerts_id_fk" FOREIGN KEY ("references_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_status_idx" ON "alert_deliveries" USING btree ("alert_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_identifier_uq" ON "alerts" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "alerts_state_idx" ON "alerts" USING btree ("state","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "alerts_current_idx" ON "alerts" USING btree ("expires") WHERE state = 'published';--> statement-breakpoint
CREATE INDEX "alerts_root_idx" ON "alerts" USING btree ("root_id");--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_uq" ON "push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_units_idx" ON "push_subscriptions" USING gin ("unit_codes");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");