-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "assistance";

-- CreateEnum
CREATE TYPE "assistance"."Sector" AS ENUM ('FOOD_SECURITY', 'SHELTER', 'WASH', 'HEALTH', 'PROTECTION', 'EARLY_RECOVERY');

-- CreateEnum
CREATE TYPE "assistance"."Modality" AS ENUM ('IN_KIND', 'CASH', 'VOUCHER', 'SERVICE');

-- CreateEnum
CREATE TYPE "assistance"."Unit" AS ENUM ('KIT', 'PARCEL', 'KG', 'LITRE', 'PIECE', 'CURRENCY');

-- CreateEnum
CREATE TYPE "assistance"."ReunificationSupportKind" AS ENUM ('ESCORT', 'TRAVEL', 'DOCUMENTS', 'BORDER_CROSSING');

-- CreateEnum
CREATE TYPE "assistance"."ReunificationOutcome" AS ENUM ('PLANNED', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "assistance"."AssistanceProgramme" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "partnerId" UUID NOT NULL,
    "sector" "assistance"."Sector" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "targetAreaIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistanceProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance"."Distribution" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "partnerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Distribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance"."DistributionItem" (
    "id" UUID NOT NULL,
    "distributionId" UUID NOT NULL,
    "item" VARCHAR(100) NOT NULL,
    "modality" "assistance"."Modality" NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" "assistance"."Unit" NOT NULL,
    "currency" CHAR(3),

    CONSTRAINT "DistributionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance"."AssistanceRecord" (
    "id" UUID NOT NULL,
    "beneficiaryId" UUID NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "distributionId" UUID,
    "item" VARCHAR(100) NOT NULL,
    "modality" "assistance"."Modality" NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" "assistance"."Unit" NOT NULL,
    "currency" CHAR(3),
    "date" DATE NOT NULL,
    "locationId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "idempotencyKey" VARCHAR(200),
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistanceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance"."ReunificationSupport" (
    "id" UUID NOT NULL,
    "tracingRequestId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "assistance"."ReunificationSupportKind" NOT NULL,
    "borderCrossingId" UUID,
    "date" DATE NOT NULL,
    "outcome" "assistance"."ReunificationOutcome" NOT NULL,
    "partnerId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReunificationSupport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssistanceProgramme_startDate_id_idx" ON "assistance"."AssistanceProgramme"("startDate", "id");

-- CreateIndex
CREATE INDEX "AssistanceProgramme_sector_startDate_id_idx" ON "assistance"."AssistanceProgramme"("sector", "startDate", "id");

-- CreateIndex
CREATE INDEX "Distribution_programmeId_date_id_idx" ON "assistance"."Distribution"("programmeId", "date", "id");

-- CreateIndex
CREATE INDEX "Distribution_locationId_date_id_idx" ON "assistance"."Distribution"("locationId", "date", "id");

-- CreateIndex
CREATE INDEX "DistributionItem_distributionId_idx" ON "assistance"."DistributionItem"("distributionId");

-- CreateIndex
CREATE UNIQUE INDEX "AssistanceRecord_idempotencyKey_key" ON "assistance"."AssistanceRecord"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AssistanceRecord_beneficiaryId_date_id_idx" ON "assistance"."AssistanceRecord"("beneficiaryId", "date", "id");

-- CreateIndex
CREATE INDEX "AssistanceRecord_distributionId_idx" ON "assistance"."AssistanceRecord"("distributionId");

-- CreateIndex
CREATE INDEX "AssistanceRecord_recordedById_idx" ON "assistance"."AssistanceRecord"("recordedById");

-- CreateIndex
CREATE INDEX "AssistanceRecord_sharedWithIds_idx" ON "assistance"."AssistanceRecord" USING GIN ("sharedWithIds");

-- CreateIndex
CREATE INDEX "ReunificationSupport_tracingRequestId_idx" ON "assistance"."ReunificationSupport"("tracingRequestId");

-- CreateIndex
CREATE INDEX "ReunificationSupport_personId_idx" ON "assistance"."ReunificationSupport"("personId");

-- CreateIndex
CREATE INDEX "ReunificationSupport_recordedById_idx" ON "assistance"."ReunificationSupport"("recordedById");

-- CreateIndex
CREATE INDEX "ReunificationSupport_sharedWithIds_idx" ON "assistance"."ReunificationSupport" USING GIN ("sharedWithIds");

-- AddForeignKey
ALTER TABLE "assistance"."Distribution" ADD CONSTRAINT "Distribution_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "assistance"."AssistanceProgramme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance"."DistributionItem" ADD CONSTRAINT "DistributionItem_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "assistance"."Distribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance"."AssistanceRecord" ADD CONSTRAINT "AssistanceRecord_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "assistance"."Distribution"("id") ON DELETE SET NULL ON UPDATE CASCADE;
