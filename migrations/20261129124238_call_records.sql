CREATE TABLE "call_reports" (
	"call_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"external_id" text,
	"direction" text DEFAULT 'in' NOT NULL,
	"caller_phone" text,
	"called_number" text,
	"agent_id" uuid,
	"status" text DEFAULT 'ringing' NOT NULL,
	"outcome" text,
	"hangup_cause" text,
	"note" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "calls_provider_ck" CHECK ("calls"."provider" in ('cti','manual')),
	CONSTRAINT "calls_external_id_ck" CHECK (("calls"."provider" = 'manual') = ("calls"."external_id" is null)),
	CONSTRAINT "calls_direction_ck" CHECK ("calls"."direction" in ('in','out')),
	CONSTRAINT "calls_status_ck" CHECK ("calls"."status" in ('ringing','answered','ended')),
	CONSTRAINT "calls_outcome_ck" CHECK ("calls"."outcome" is null or "calls"."outcome" in ('report_created','status_given','question_answered','hang_up','missed','other')),
	CONSTRAINT "calls_ended_ck" CHECK (("calls"."status" = 'ended') = ("calls"."ended_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "cti_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"event" text NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cti_events_event_ck" CHECK ("cti_events"."event" in ('newCall','answer','hangup'))
);
--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_reports_report_uq" ON "call_reports" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "call_reports_call_idx" ON "call_reports" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_provider_external_uq" ON "calls" USING btree ("provider","external_id");--> statement-breakpoint
CREATE INDEX "calls_caller_idx" ON "calls" USING btree ("caller_phone","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cti_events_call_event_uq" ON "cti_events" USING btree ("external_id","event");--> statement-breakpoint
CREATE UNIQUE INDEX "cti_events_signature_uq" ON "cti_events" USING btree ("signature");