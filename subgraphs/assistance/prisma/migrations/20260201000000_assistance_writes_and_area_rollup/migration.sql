-- Writes through the API: idempotency keys on every recorded row, the recording partner of a
-- distribution, and the enclosing admin areas of the place each record and distribution happened
-- at (the place itself first, then its ancestors) so a report for any area is one indexed query.

-- AlterTable
ALTER TABLE "assistance"."AssistanceProgramme" ADD COLUMN "idempotencyKey" VARCHAR(200);

-- AlterTable
ALTER TABLE "assistance"."Distribution" ADD COLUMN "areaIds" UUID[],
ADD COLUMN "idempotencyKey" VARCHAR(200),
ADD COLUMN "recordedById" UUID;

-- Distributions recorded before this migration were recorded by the partner that carried them out.
UPDATE "assistance"."Distribution" SET "recordedById" = "partnerId" WHERE "recordedById" IS NULL;
ALTER TABLE "assistance"."Distribution" ALTER COLUMN "recordedById" SET NOT NULL;

-- AlterTable
ALTER TABLE "assistance"."AssistanceRecord" ADD COLUMN "areaIds" UUID[];

-- AlterTable
ALTER TABLE "assistance"."ReunificationSupport" ADD COLUMN "idempotencyKey" VARCHAR(200);

-- CreateIndex
CREATE UNIQUE INDEX "AssistanceProgramme_idempotencyKey_key" ON "assistance"."AssistanceProgramme"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Distribution_idempotencyKey_key" ON "assistance"."Distribution"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Distribution_areaIds_idx" ON "assistance"."Distribution" USING GIN ("areaIds");

-- CreateIndex
CREATE INDEX "AssistanceRecord_areaIds_idx" ON "assistance"."AssistanceRecord" USING GIN ("areaIds");

-- CreateIndex
CREATE UNIQUE INDEX "ReunificationSupport_idempotencyKey_key" ON "assistance"."ReunificationSupport"("idempotencyKey");

-- Totals of assistance records per area, day, item and partner, kept in the same transaction as
-- every record written, so a report for a country over a million records sums a few thousand rows.
-- CreateTable
CREATE TABLE "assistance"."AssistanceAreaTotal" (
    "areaId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "item" VARCHAR(100) NOT NULL,
    "unit" "assistance"."Unit" NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "partnerId" UUID NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "records" INTEGER NOT NULL,

    CONSTRAINT "AssistanceAreaTotal_pkey" PRIMARY KEY ("areaId","date","item","unit","currency","partnerId")
);
