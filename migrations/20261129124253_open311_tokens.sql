CREATE TABLE "open311_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "open311_tokens_report_idx" ON "open311_tokens" USING btree ("report_id");