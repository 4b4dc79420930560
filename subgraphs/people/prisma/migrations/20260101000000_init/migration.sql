-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "people";

-- CreateEnum
CREATE TYPE "people"."Sex" AS ENUM ('FEMALE', 'MALE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "people"."PersonStatus" AS ENUM ('CIVILIAN', 'DISPLACED', 'DETAINED', 'MISSING', 'DECEASED');

-- CreateEnum
CREATE TYPE "people"."Vulnerability" AS ENUM ('UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'ELDERLY', 'DISABILITY');

-- CreateEnum
CREATE TYPE "people"."LegalBasis" AS ENUM ('VITAL_INTEREST', 'PUBLIC_INTEREST', 'CONSENT', 'LEGITIMATE_INTEREST', 'LEGAL_OBLIGATION');

-- CreateEnum
CREATE TYPE "people"."Relationship" AS ENUM ('PARENT', 'CHILD', 'SIBLING', 'SPOUSE', 'GRANDPARENT', 'GRANDCHILD', 'OTHER_RELATIVE');

-- CreateEnum
CREATE TYPE "people"."TracingStatus" AS ENUM ('OPEN', 'SEARCHING', 'LOCATED', 'REUNITED', 'CLOSED');

-- CreateEnum
CREATE TYPE "people"."AccessStatus" AS ENUM ('NOT_REQUESTED', 'REQUESTED', 'GRANTED', 'DENIED');

-- CreateTable
CREATE TABLE "people"."Person" (
    "id" UUID NOT NULL,
    "givenName" VARCHAR(100) NOT NULL,
    "familyName" VARCHAR(100) NOT NULL,
    "patronymic" VARCHAR(100),
    "names" JSONB NOT NULL,
    "sex" "people"."Sex" NOT NULL,
    "birthDate" DATE,
    "birthYear" INTEGER,
    "nationality" CHAR(2),
    "status" "people"."PersonStatus" NOT NULL,
    "vulnerabilities" "people"."Vulnerability"[],
    "lastSeenAtId" UUID,
    "lastSeenOn" DATE,
    "purpose" VARCHAR(200) NOT NULL,
    "legalBasis" "people"."LegalBasis" NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."FamilyLink" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "relativeId" UUID NOT NULL,
    "relationship" "people"."Relationship" NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FamilyLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."TracingRequest" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(32) NOT NULL,
    "enquirerId" UUID NOT NULL,
    "soughtPersonId" UUID NOT NULL,
    "enquirerRelationship" "people"."Relationship" NOT NULL,
    "circumstances" TEXT NOT NULL,
    "lastSeenAtId" UUID,
    "lastSeenOn" DATE,
    "status" "people"."TracingStatus" NOT NULL,
    "openedOn" DATE NOT NULL,
    "closedReason" VARCHAR(500),
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TracingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."DetentionRecord" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "placeOfDetentionId" UUID NOT NULL,
    "captureDate" DATE NOT NULL,
    "registrationNumber" VARCHAR(40) NOT NULL,
    "accessStatus" "people"."AccessStatus" NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DetentionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."DetentionVisit" (
    "id" UUID NOT NULL,
    "detentionRecordId" UUID NOT NULL,
    "visitedOn" DATE NOT NULL,
    "visitedById" UUID NOT NULL,
    "privateInterview" BOOLEAN NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DetentionVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Person_familyName_givenName_id_idx" ON "people"."Person"("familyName", "givenName", "id");

-- CreateIndex
CREATE INDEX "Person_status_familyName_givenName_id_idx" ON "people"."Person"("status", "familyName", "givenName", "id");

-- CreateIndex
CREATE INDEX "Person_lastSeenAtId_lastSeenOn_id_idx" ON "people"."Person"("lastSeenAtId", "lastSeenOn" DESC, "id");

-- CreateIndex
CREATE INDEX "Person_recordedById_idx" ON "people"."Person"("recordedById");

-- CreateIndex
CREATE INDEX "Person_sharedWithIds_idx" ON "people"."Person" USING GIN ("sharedWithIds");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyLink_personId_relativeId_relationship_key" ON "people"."FamilyLink"("personId", "relativeId", "relationship");

-- CreateIndex
CREATE INDEX "FamilyLink_relativeId_idx" ON "people"."FamilyLink"("relativeId");

-- CreateIndex
CREATE UNIQUE INDEX "TracingRequest_reference_key" ON "people"."TracingRequest"("reference");

-- CreateIndex
CREATE INDEX "TracingRequest_openedOn_id_idx" ON "people"."TracingRequest"("openedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TracingRequest_status_openedOn_id_idx" ON "people"."TracingRequest"("status", "openedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TracingRequest_soughtPersonId_idx" ON "people"."TracingRequest"("soughtPersonId");

-- CreateIndex
CREATE INDEX "TracingRequest_enquirerId_idx" ON "people"."TracingRequest"("enquirerId");

-- CreateIndex
CREATE INDEX "TracingRequest_sharedWithIds_idx" ON "people"."TracingRequest" USING GIN ("sharedWithIds");

-- CreateIndex
CREATE INDEX "DetentionRecord_captureDate_id_idx" ON "people"."DetentionRecord"("captureDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DetentionRecord_placeOfDetentionId_captureDate_id_idx" ON "people"."DetentionRecord"("placeOfDetentionId", "captureDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DetentionRecord_personId_idx" ON "people"."DetentionRecord"("personId");

-- CreateIndex
CREATE INDEX "DetentionRecord_sharedWithIds_idx" ON "people"."DetentionRecord" USING GIN ("sharedWithIds");

-- CreateIndex
CREATE INDEX "DetentionVisit_detentionRecordId_visitedOn_idx" ON "people"."DetentionVisit"("detentionRecordId", "visitedOn" DESC);

-- AddForeignKey
ALTER TABLE "people"."FamilyLink" ADD CONSTRAINT "FamilyLink_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"."Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."FamilyLink" ADD CONSTRAINT "FamilyLink_relativeId_fkey" FOREIGN KEY ("relativeId") REFERENCES "people"."Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."TracingRequest" ADD CONSTRAINT "TracingRequest_enquirerId_fkey" FOREIGN KEY ("enquirerId") REFERENCES "people"."Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."TracingRequest" ADD CONSTRAINT "TracingRequest_soughtPersonId_fkey" FOREIGN KEY ("soughtPersonId") REFERENCES "people"."Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."DetentionRecord" ADD CONSTRAINT "DetentionRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"."Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."DetentionVisit" ADD CONSTRAINT "DetentionVisit_detentionRecordId_fkey" FOREIGN KEY ("detentionRecordId") REFERENCES "people"."DetentionRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
