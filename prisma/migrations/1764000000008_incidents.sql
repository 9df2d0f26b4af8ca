-- Incidents as issue 13 describes them: a status from investigating to resolved, an owner, the
-- time window and filters of the view it was opened from, the detect/acknowledge times that
-- time-to-X and MTTR are computed from, and (once resolved) the report and evidence frozen into
-- `frozen`, so the incident reads the same after retention has dropped the telemetry. Share links
-- keep only the SHA-256 of their token and count their views. Nothing wrote these tables before.

-- Up Migration
DELETE FROM "share_links";
DELETE FROM "incidents";

ALTER TABLE "incidents" ALTER COLUMN "status" SET DEFAULT 'investigating';
ALTER TABLE "incidents" ADD COLUMN "owner" TEXT;
ALTER TABLE "incidents" ADD COLUMN "window_to" TIMESTAMPTZ(3) NOT NULL;
ALTER TABLE "incidents" ADD COLUMN "filters" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "incidents" ADD COLUMN "detected_at" TIMESTAMPTZ(3) NOT NULL;
ALTER TABLE "incidents" ADD COLUMN "acknowledged_at" TIMESTAMPTZ(3);
ALTER TABLE "incidents" ADD COLUMN "frozen" JSONB;
ALTER TABLE "incidents" ADD COLUMN "created_by" TEXT NOT NULL;
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_status_check" CHECK ("status" IN ('investigating', 'identified', 'monitoring', 'resolved'));
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_severity_check" CHECK ("severity" IN ('critical', 'major', 'minor'));
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_window_check" CHECK ("window_to" > "started_at");
CREATE INDEX "incidents_window_to_idx" ON "incidents"("window_to");
CREATE INDEX "incidents_resolved_at_idx" ON "incidents"("resolved_at");

ALTER TABLE "share_links" DROP CONSTRAINT "share_links_incident_id_fkey";
DROP INDEX "share_links_token_key";
ALTER TABLE "share_links" RENAME COLUMN "token" TO "token_hash";
ALTER TABLE "share_links" DROP COLUMN "view";
ALTER TABLE "share_links" ALTER COLUMN "incident_id" SET NOT NULL;
ALTER TABLE "share_links" ALTER COLUMN "expires_at" SET NOT NULL;
ALTER TABLE "share_links" ADD COLUMN "created_by" TEXT NOT NULL;
ALTER TABLE "share_links" ADD COLUMN "view_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "share_links" ADD COLUMN "last_viewed_at" TIMESTAMPTZ(3);
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");
CREATE INDEX "share_links_incident_id_idx" ON "share_links"("incident_id");
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Down Migration
DELETE FROM "share_links";
ALTER TABLE "share_links" DROP CONSTRAINT "share_links_incident_id_fkey";
DROP INDEX "share_links_incident_id_idx";
DROP INDEX "share_links_token_hash_key";
ALTER TABLE "share_links" DROP COLUMN "last_viewed_at";
ALTER TABLE "share_links" DROP COLUMN "view_count";
ALTER TABLE "share_links" DROP COLUMN "created_by";
ALTER TABLE "share_links" ALTER COLUMN "expires_at" DROP NOT NULL;
ALTER TABLE "share_links" ALTER COLUMN "incident_id" DROP NOT NULL;
ALTER TABLE "share_links" ADD COLUMN "view" JSONB NOT NULL;
ALTER TABLE "share_links" RENAME COLUMN "token_hash" TO "token";
CREATE UNIQUE INDEX "share_links_token_key" ON "share_links"("token");
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

DROP INDEX "incidents_resolved_at_idx";
DROP INDEX "incidents_window_to_idx";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_window_check";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_severity_check";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_status_check";
ALTER TABLE "incidents" DROP COLUMN "created_by";
ALTER TABLE "incidents" DROP COLUMN "frozen";
ALTER TABLE "incidents" DROP COLUMN "acknowledged_at";
ALTER TABLE "incidents" DROP COLUMN "detected_at";
ALTER TABLE "incidents" DROP COLUMN "filters";
ALTER TABLE "incidents" DROP COLUMN "window_to";
ALTER TABLE "incidents" DROP COLUMN "owner";
ALTER TABLE "incidents" ALTER COLUMN "status" SET DEFAULT 'open';
