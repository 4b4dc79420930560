-- A Red Cross Message to or from a detainee names the detention record (people subgraph) it
-- concerns, and the ICRC visits during which it was collected or delivered.
ALTER TABLE "messages"."RedCrossMessage" ADD COLUMN "detentionRecordId" UUID,
ADD COLUMN "collectedDuringVisitId" UUID,
ADD COLUMN "deliveredDuringVisitId" UUID;

-- CreateIndex
CREATE INDEX "RedCrossMessage_collectedDuringVisitId_createdAt_id_idx" ON "messages"."RedCrossMessage"("collectedDuringVisitId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RedCrossMessage_deliveredDuringVisitId_createdAt_id_idx" ON "messages"."RedCrossMessage"("deliveredDuringVisitId", "createdAt", "id");
