-- Every record about a person carries the date after which it must be reviewed: a Red Cross
-- Message names its sender and addressee, their addresses and family news.
ALTER TABLE "messages"."RedCrossMessage" ADD COLUMN "reviewOn" DATE, ADD COLUMN "reviewReason" TEXT;

-- Messages kept before review dates were: reviewed five years after they were written, the rule
-- the people subgraph applied to its own records.
UPDATE "messages"."RedCrossMessage" SET "reviewOn" = ("createdAt" + interval '5 years')::date;

ALTER TABLE "messages"."RedCrossMessage" ALTER COLUMN "reviewOn" SET NOT NULL, ALTER COLUMN "reviewOn" SET DEFAULT (CURRENT_DATE + '5 years'::interval);

-- The messages past review, earliest first: a range scan that stops after the page.
CREATE INDEX "RedCrossMessage_reviewOn_id_idx" ON "messages"."RedCrossMessage"("reviewOn", "id");
