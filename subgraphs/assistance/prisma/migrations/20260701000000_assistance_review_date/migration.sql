-- Every record about a person carries the date after which it must be reviewed: assistance given
-- to a person or household, and support given to reunite a family.
ALTER TABLE "assistance"."AssistanceRecord" ADD COLUMN "reviewOn" DATE, ADD COLUMN "reviewReason" TEXT;
ALTER TABLE "assistance"."ReunificationSupport" ADD COLUMN "reviewOn" DATE, ADD COLUMN "reviewReason" TEXT;

-- Records kept before review dates were: reviewed five years after the assistance or support was
-- given, the rule the people subgraph applied to its own records.
UPDATE "assistance"."AssistanceRecord" SET "reviewOn" = ("date" + interval '5 years')::date;
UPDATE "assistance"."ReunificationSupport" SET "reviewOn" = ("date" + interval '5 years')::date;

ALTER TABLE "assistance"."AssistanceRecord" ALTER COLUMN "reviewOn" SET NOT NULL, ALTER COLUMN "reviewOn" SET DEFAULT (CURRENT_DATE + '5 years'::interval);
ALTER TABLE "assistance"."ReunificationSupport" ALTER COLUMN "reviewOn" SET NOT NULL, ALTER COLUMN "reviewOn" SET DEFAULT (CURRENT_DATE + '5 years'::interval);

-- The records past review, earliest first: range scans that stop after the page.
CREATE INDEX "AssistanceRecord_reviewOn_id_idx" ON "assistance"."AssistanceRecord"("reviewOn", "id");
CREATE INDEX "ReunificationSupport_reviewOn_id_idx" ON "assistance"."ReunificationSupport"("reviewOn", "id");
