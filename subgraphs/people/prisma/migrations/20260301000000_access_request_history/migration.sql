-- The history of requests for access to a detainee: each request and each answer, with its date
-- and partner, rather than only where access stands now (DetentionRecord.accessStatus).

-- CreateTable
CREATE TABLE "people"."DetentionAccessStep" (
    "id" UUID NOT NULL,
    "sequence" SERIAL NOT NULL,
    "detentionRecordId" UUID NOT NULL,
    "status" "people"."AccessStatus" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "partnerId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DetentionAccessStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DetentionAccessStep_detentionRecordId_sequence_idx" ON "people"."DetentionAccessStep"("detentionRecordId", "sequence" DESC);

-- AddForeignKey
ALTER TABLE "people"."DetentionAccessStep" ADD CONSTRAINT "DetentionAccessStep_detentionRecordId_fkey" FOREIGN KEY ("detentionRecordId") REFERENCES "people"."DetentionRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Records kept before the history: their current state becomes their one known step, dated when
-- the record was made and credited to the partner that made it.
INSERT INTO "people"."DetentionAccessStep" ("id", "detentionRecordId", "status", "occurredOn", "partnerId", "recordedById", "sharedWithIds")
SELECT md5('detention-access-step:' || r."id"::text)::uuid, r."id", r."accessStatus", r."createdAt"::date, r."recordedById", r."recordedById", r."sharedWithIds"
FROM "people"."DetentionRecord" r
WHERE r."accessStatus" <> 'NOT_REQUESTED';
