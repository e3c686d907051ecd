CREATE TABLE "mail_addresses" (
	"address" text PRIMARY KEY NOT NULL,
	"undeliverable_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"message_id" text NOT NULL,
	"report_id" uuid,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"subject" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_messages_direction_ck" CHECK ("mail_messages"."direction" in ('in','out')),
	CONSTRAINT "mail_messages_kind_ck" CHECK ("mail_messages"."kind" in ('report','follow_up','auto_reply','bounce','ack','notice'))
);
--> statement-breakpoint
CREATE TABLE "mail_quarantine" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"from_address" text,
	"subject" text,
	"report_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "mail_quarantine_status_ck" CHECK ("mail_quarantine"."status" in ('held','processed','discarded'))
);
--> statement-breakpoint
CREATE TABLE "open311_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mail_messages_direction_id_uq" ON "mail_messages" USING btree ("direction","message_id");--> statement-breakpoint
CREATE INDEX "mail_messages_message_id_idx" ON "mail_messages" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "mail_messages_address_idx" ON "mail_messages" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "mail_messages_report_idx" ON "mail_messages" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_quarantine_sha_uq" ON "mail_quarantine" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "mail_quarantine_status_idx" ON "mail_quarantine" USING btree ("status","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "open311_clients_key_uq" ON "open311_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "reports_reporter_phone_idx" ON "reports" USING btree ("reporter_phone");