CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"doc_number" text,
	"issued_on" date,
	"issuer" text,
	"media_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cover_media_id" uuid,
	"agency_id" uuid,
	"author_id" uuid,
	"submitted_by" uuid,
	"approved_by" uuid,
	"publish_at" timestamp with time zone,
	"unpublish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"preview_token_hash" text,
	"preview_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', f_unaccent(coalesce(title, '') || ' ' || coalesce(doc_number, ''))), 'A') || setweight(to_tsvector('simple', f_unaccent(coalesce(summary, '') || ' ' || coalesce(issuer, ''))), 'B') || setweight(to_tsvector('simple', f_unaccent(coalesce(body, ''))), 'C')) STORED,
	CONSTRAINT "content_items_type_ck" CHECK ("content_items"."type" in ('article','document','guide','material','service')),
	CONSTRAINT "content_items_status_ck" CHECK ("content_items"."status" in ('draft','submitted','approved','published','unpublished','archived')),
	CONSTRAINT "content_items_slug_ck" CHECK ("content_items"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "content_items_schedule_ck" CHECK ("content_items"."unpublish_at" is null or "content_items"."publish_at" is null or "content_items"."unpublish_at" > "content_items"."publish_at"),
	CONSTRAINT "content_items_published_has_time_ck" CHECK ("content_items"."status" <> 'published' or "content_items"."publish_at" is not null),
	CONSTRAINT "content_items_version_ck" CHECK ("content_items"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "content_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"width" integer,
	"height" integer,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_media_kind_ck" CHECK ("content_media"."kind" in ('photo','video','document')),
	CONSTRAINT "content_media_size_ck" CHECK ("content_media"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_by" uuid,
	"saved_by_label" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_slug_uq" ON "content_items" USING btree ("type","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_preview_uq" ON "content_items" USING btree ("preview_token_hash");--> statement-breakpoint
CREATE INDEX "content_items_public_idx" ON "content_items" USING btree ("type","category","publish_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "content_items_public_all_idx" ON "content_items" USING btree ("publish_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "content_items_staff_idx" ON "content_items" USING btree ("status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_search_idx" ON "content_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "content_items_media_idx" ON "content_items" USING gin ("media_ids");--> statement-breakpoint
CREATE INDEX "content_items_docnum_trgm_idx" ON "content_items" USING gin (f_unaccent(lower(doc_number)) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "content_media_created_idx" ON "content_media" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_media_sha_idx" ON "content_media" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "content_versions_item_version_uq" ON "content_versions" USING btree ("item_id","version");