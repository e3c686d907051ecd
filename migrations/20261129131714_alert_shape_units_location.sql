ALTER TABLE "alerts" ADD COLUMN "shape_unit_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD COLUMN "lon" double precision;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_location_ck" CHECK (("push_subscriptions"."lat" is null) = ("push_subscriptions"."lon" is null));