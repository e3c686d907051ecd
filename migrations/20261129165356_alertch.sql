CREATE TABLE "alert_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"unit_codes" text[] NOT NULL,
	"lang" text DEFAULT 'vi' NOT NULL,
	"drills" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirm_token_hash" text,
	"confirm_expires" timestamp with time zone,
	"unsubscribe_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_contacts_channel_ck" CHECK ("alert_contacts"."channel" in ('sms','email')),
	CONSTRAINT "alert_contacts_lang_ck" CHECK ("alert_contacts"."lang" in ('vi','en')),
	CONSTRAINT "alert_contacts_units_ck" CHECK (cardinality("alert_contacts"."unit_codes") >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_contacts_user_channel_uq" ON "alert_contacts" USING btree ("user_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_contacts_unsubscribe_uq" ON "alert_contacts" USING btree ("unsubscribe_token");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_contacts_confirm_uq" ON "alert_contacts" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "alert_contacts_units_idx" ON "alert_contacts" USING gin ("unit_codes");