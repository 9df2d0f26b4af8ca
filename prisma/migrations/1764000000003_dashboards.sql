-- Dashboards: panels and their grid layout as JSON (checked by lib/dashboards/schemas.ts on
-- every write), the stable id of the file a provisioned one comes from, and a version for
-- optimistic concurrency. Exactly as prisma/schema.prisma describes it; the drift test compares.

-- Up Migration
CREATE TABLE "dashboards" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "panels" JSONB NOT NULL DEFAULT '[]',
    "layout" JSONB NOT NULL DEFAULT '[]',
    "provisioned_id" TEXT,
    "provisioned_file" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "dashboards_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "dashboards_provisioned_id_key" ON "dashboards"("provisioned_id");
CREATE INDEX "dashboards_title_idx" ON "dashboards"("title");
ALTER TABLE "dashboards" ADD CONSTRAINT "dashboards_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Down Migration
DROP TABLE "dashboards";
