-- Hand-edited after drizzle-kit: the primary key name, one-time codes emptied (5-minute codes; the clear
-- phone column goes), the two CHECKs NOT VALID (rows from before get their blind index at the next start).
DROP INDEX "users_email_uq";--> statement-breakpoint
DROP INDEX "users_phone_uq";--> statement-breakpoint
DROP INDEX "mail_messages_address_idx";--> statement-breakpoint
DROP INDEX "one_time_codes_phone_idx";--> statement-breakpoint
ALTER TABLE "mail_addresses" DROP CONSTRAINT "mail_addresses_pkey";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "mail_addresses" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_addresses" ADD COLUMN "address_hash" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "address_hash" text;--> statement-breakpoint
DELETE FROM "one_time_codes";--> statement-breakpoint
ALTER TABLE "one_time_codes" ADD COLUMN "phone_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_addresses_hash_uq" ON "mail_addresses" USING btree ("address_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_hash_uq" ON "users" USING btree ("email_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_hash_uq" ON "users" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "mail_messages_address_idx" ON "mail_messages" USING btree ("address_hash","at");--> statement-breakpoint
CREATE INDEX "one_time_codes_phone_idx" ON "one_time_codes" USING btree ("phone_hash","created_at");--> statement-breakpoint
ALTER TABLE "one_time_codes" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_citizen_phone_hash_ck" CHECK ("users"."kind" <> 'citizen' or "users"."phone_hash" is not null) NOT VALID;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_hash_ck" CHECK ("users"."email" is null or "users"."email_hash" is not null) NOT VALID;
