-- Why a record's review date was last moved: keeping personal data longer than planned needs a
-- reason (the audit trail records who moved it and when). Null while the date is the one set at
-- creation.
ALTER TABLE "people"."Person" ADD COLUMN "reviewReason" TEXT;
ALTER TABLE "people"."TracingRequest" ADD COLUMN "reviewReason" TEXT;
ALTER TABLE "people"."DetentionRecord" ADD COLUMN "reviewReason" TEXT;
