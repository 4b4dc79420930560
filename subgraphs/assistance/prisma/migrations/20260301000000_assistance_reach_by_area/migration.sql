-- People reached, counted without scanning records. The beneficiary days hold one row per area,
-- beneficiary and day they received assistance there, chained to the beneficiary's previous and
-- next such day in that area. A beneficiary reached in [from, to] has exactly one day in the range
-- whose previous day lies before `from` (their first there) and exactly one whose next day lies
-- after `to` (their last), so distinct households and their latest sizes need no comparison
-- between beneficiaries. The reach totals sum those days per area, day, previous and next day, so
-- a country's report adds up a few thousand rows; a first day has previous day -infinity and a
-- last day next day infinity, so "before `from`" and "after `to`" are plain comparisons on keys.
-- CreateTable
CREATE TABLE "assistance"."AssistanceAreaBeneficiaryDay" (
    "areaId" UUID NOT NULL,
    "beneficiaryId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "previousDate" DATE,
    "nextDate" DATE,

    CONSTRAINT "AssistanceAreaBeneficiaryDay_pkey" PRIMARY KEY ("areaId","beneficiaryId","date")
);

-- CreateTable
CREATE TABLE "assistance"."AssistanceAreaReachTotal" (
    "areaId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "previousDate" DATE NOT NULL,
    "nextDate" DATE NOT NULL,
    "households" INTEGER NOT NULL,
    "persons" INTEGER NOT NULL,

    CONSTRAINT "AssistanceAreaReachTotal_pkey" PRIMARY KEY ("areaId","date","previousDate","nextDate")
);

-- Records written before this migration.
INSERT INTO "assistance"."AssistanceAreaBeneficiaryDay" ("areaId", "beneficiaryId", "date", "householdSize", "previousDate", "nextDate")
SELECT d."areaId", d."beneficiaryId", d."date", d."householdSize",
       lag(d."date") OVER w, lead(d."date") OVER w
FROM (SELECT a."areaId", r."beneficiaryId", r."date", max(r."householdSize") AS "householdSize"
      FROM "assistance"."AssistanceRecord" r CROSS JOIN LATERAL unnest(r."areaIds") AS a("areaId")
      GROUP BY 1, 2, 3) d
WINDOW w AS (PARTITION BY d."areaId", d."beneficiaryId" ORDER BY d."date");

INSERT INTO "assistance"."AssistanceAreaReachTotal" ("areaId", "date", "previousDate", "nextDate", "households", "persons")
SELECT d."areaId", d."date", coalesce(d."previousDate", '-infinity'::date), coalesce(d."nextDate", 'infinity'::date), count(*), sum(d."householdSize")
FROM "assistance"."AssistanceAreaBeneficiaryDay" d
GROUP BY 1, 2, 3, 4;
