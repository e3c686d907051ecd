DROP INDEX "alert_deliveries_status_idx";--> statement-breakpoint
-- Room on every page for the settled version of each claimed row, so settling is a HOT update (no index
-- entry written); existing pages keep their layout until rewritten.
ALTER TABLE "alert_deliveries" SET (fillfactor = 50);
