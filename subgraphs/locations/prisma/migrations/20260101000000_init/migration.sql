-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "locations";

-- CreateEnum
CREATE TYPE "locations"."LocationType" AS ENUM ('COUNTRY', 'ADMIN_AREA', 'SETTLEMENT', 'DELEGATION', 'OFFICE', 'PLACE_OF_DETENTION', 'BORDER_CROSSING', 'COLLECTIVE_CENTRE', 'DISTRIBUTION_POINT');

-- CreateEnum
CREATE TYPE "locations"."OrganizationType" AS ENUM ('ICRC', 'IFRC', 'NATIONAL_SOCIETY', 'DELEGATION', 'BRANCH');

-- CreateTable
CREATE TABLE "locations"."Location" (
    "id" UUID NOT NULL,
    "type" "locations"."LocationType" NOT NULL,
    "pcode" VARCHAR(32),
    "adminLevel" INTEGER,
    "name" VARCHAR(200) NOT NULL,
    "names" JSONB NOT NULL,
    "parentId" UUID,
    "ancestorIds" UUID[],
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "organizationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "locations"."Organization" (
    "id" UUID NOT NULL,
    "type" "locations"."OrganizationType" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "shortName" VARCHAR(40) NOT NULL,
    "countryCode" CHAR(2),
    "parentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Location_pcode_key" ON "locations"."Location"("pcode");

-- CreateIndex
CREATE INDEX "Location_parentId_name_id_idx" ON "locations"."Location"("parentId", "name", "id");

-- CreateIndex
CREATE INDEX "Location_type_name_id_idx" ON "locations"."Location"("type", "name", "id");

-- CreateIndex
CREATE INDEX "Organization_type_name_id_idx" ON "locations"."Organization"("type", "name", "id");

-- AddForeignKey
ALTER TABLE "locations"."Location" ADD CONSTRAINT "Location_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "locations"."Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations"."Location" ADD CONSTRAINT "Location_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "locations"."Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations"."Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "locations"."Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
