-- State authorities (a detaining authority, a ministry) are organisations records can name.
ALTER TYPE "locations"."OrganizationType" ADD VALUE 'AUTHORITY';

-- What is known of a border crossing: the two countries it joins and its checkpoints' names.
-- CreateTable
CREATE TABLE "locations"."BorderCrossing" (
    "locationId" UUID NOT NULL,
    "countryCodes" CHAR(2)[],
    "sides" VARCHAR(200) NOT NULL,
    "source" VARCHAR(500) NOT NULL,
    "checkedOn" DATE NOT NULL,

    CONSTRAINT "BorderCrossing_pkey" PRIMARY KEY ("locationId")
);

-- When a crossing was open or closed, as published; a day outside every period is unknown.
-- CreateTable
CREATE TABLE "locations"."BorderCrossingPeriod" (
    "id" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "untilDate" DATE,
    "open" BOOLEAN NOT NULL,
    "towardsCountry" CHAR(2),
    "note" VARCHAR(500) NOT NULL,

    CONSTRAINT "BorderCrossingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BorderCrossingPeriod_locationId_fromDate_idx" ON "locations"."BorderCrossingPeriod"("locationId", "fromDate");

-- AddForeignKey
ALTER TABLE "locations"."BorderCrossing" ADD CONSTRAINT "BorderCrossing_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "locations"."Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations"."BorderCrossingPeriod" ADD CONSTRAINT "BorderCrossingPeriod_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "locations"."BorderCrossing"("locationId") ON DELETE RESTRICT ON UPDATE CASCADE;
