-- Detention as the Geneva Conventions frame it, consent before disclosure, and retention.

-- CreateEnum
CREATE TYPE "people"."DetentionCategory" AS ENUM ('PRISONER_OF_WAR', 'CIVILIAN_INTERNEE', 'CIVILIAN_DETAINEE', 'STATUS_UNDETERMINED');

-- CreateEnum
CREATE TYPE "people"."CustodyStatus" AS ENUM ('IN_CUSTODY', 'RELEASED', 'REPATRIATED', 'DECEASED');

-- CreateEnum
CREATE TYPE "people"."DetentionEventKind" AS ENUM ('TRANSFER', 'RELEASE', 'REPATRIATION', 'DEATH');

-- CreateEnum
CREATE TYPE "people"."NotificationKind" AS ENUM ('CENTRAL_AGENCY_NOTIFICATION', 'CAPTURE_CARD', 'INTERNMENT_CARD');

-- CreateEnum
CREATE TYPE "people"."ConsentDecision" AS ENUM ('NOT_ASKED', 'GIVEN', 'REFUSED', 'NOT_POSSIBLE');

-- Records kept before: their legal category was not recorded, which GC III Art. 5 treats as
-- undetermined; they are taken as still in custody.
-- AlterTable
ALTER TABLE "people"."DetentionRecord" ADD COLUMN "legalCategory" "people"."DetentionCategory" NOT NULL DEFAULT 'STATUS_UNDETERMINED',
ADD COLUMN "detainingState" CHAR(2),
ADD COLUMN "detainingAuthorityId" UUID,
ADD COLUMN "custodyStatus" "people"."CustodyStatus" NOT NULL DEFAULT 'IN_CUSTODY',
ADD COLUMN "reviewOn" DATE;

-- AlterTable
ALTER TABLE "people"."TracingRequest" ADD COLUMN "consent" "people"."ConsentDecision" NOT NULL DEFAULT 'NOT_ASKED',
ADD COLUMN "consentRecordedOn" DATE,
ADD COLUMN "consentRecordedById" UUID,
ADD COLUMN "consentBestInterestReason" VARCHAR(500),
ADD COLUMN "reviewOn" DATE;

-- AlterTable
ALTER TABLE "people"."Person" ADD COLUMN "reviewOn" DATE,
ADD COLUMN "anonymisedOn" DATE;

-- Records kept before retention dates were: reviewed five years after they were made.
UPDATE "people"."Person" SET "reviewOn" = ("createdAt" + interval '5 years')::date;
UPDATE "people"."TracingRequest" SET "reviewOn" = ("openedOn" + interval '5 years')::date;
UPDATE "people"."DetentionRecord" SET "reviewOn" = ("captureDate" + interval '5 years')::date;
-- New records too, unless a date is given.
ALTER TABLE "people"."Person" ALTER COLUMN "reviewOn" SET NOT NULL, ALTER COLUMN "reviewOn" SET DEFAULT (CURRENT_DATE + '5 years'::interval);
ALTER TABLE "people"."TracingRequest" ALTER COLUMN "reviewOn" SET NOT NULL, ALTER COLUMN "reviewOn" SET DEFAULT (CURRENT_DATE + '5 years'::interval);
ALTER TABLE "people"."DetentionRecord" ALTER COLUMN "reviewOn" SET NOT NULL, ALTER COLUMN "reviewOn" SET DEFAULT (CURRENT_DATE + '5 years'::interval);

-- CreateTable
CREATE TABLE "people"."DetentionEvent" (
    "id" UUID NOT NULL,
    "sequence" SERIAL NOT NULL,
    "detentionRecordId" UUID NOT NULL,
    "kind" "people"."DetentionEventKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "placeId" UUID NOT NULL,
    "fromPlaceOfDetentionId" UUID,
    "note" VARCHAR(500),
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DetentionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."DetentionNotification" (
    "id" UUID NOT NULL,
    "detentionRecordId" UUID NOT NULL,
    "kind" "people"."NotificationKind" NOT NULL,
    "transmittedOn" DATE NOT NULL,
    "transmittedBy" VARCHAR(200) NOT NULL,
    "familyInformedOn" DATE,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DetentionNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DetentionEvent_detentionRecordId_sequence_idx" ON "people"."DetentionEvent"("detentionRecordId", "sequence");

-- CreateIndex
CREATE INDEX "DetentionNotification_detentionRecordId_kind_idx" ON "people"."DetentionNotification"("detentionRecordId", "kind");

-- CreateIndex
CREATE INDEX "Person_reviewOn_id_idx" ON "people"."Person"("reviewOn", "id");

-- CreateIndex
CREATE INDEX "TracingRequest_reviewOn_id_idx" ON "people"."TracingRequest"("reviewOn", "id");

-- CreateIndex
CREATE INDEX "DetentionRecord_reviewOn_id_idx" ON "people"."DetentionRecord"("reviewOn", "id");

-- AddForeignKey
ALTER TABLE "people"."DetentionEvent" ADD CONSTRAINT "DetentionEvent_detentionRecordId_fkey" FOREIGN KEY ("detentionRecordId") REFERENCES "people"."DetentionRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."DetentionNotification" ADD CONSTRAINT "DetentionNotification_detentionRecordId_fkey" FOREIGN KEY ("detentionRecordId") REFERENCES "people"."DetentionRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
