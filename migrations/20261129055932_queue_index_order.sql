DROP INDEX "reports_queue_idx";--> statement-breakpoint
CREATE INDEX "reports_queue_idx" ON "reports" USING btree ("status","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);