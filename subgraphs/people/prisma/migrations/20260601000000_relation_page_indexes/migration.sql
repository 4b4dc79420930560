-- A page of children is read per parent from an index on (parent, sort key, id), in the page's
-- order, and stops after the page: an index scan whatever the table's size or statistics. Each
-- index below replaces one on the parent column alone (or in another order), which it also serves.

-- DropIndex
DROP INDEX "people"."TracingRequest_soughtPersonId_idx";

-- CreateIndex
CREATE INDEX "TracingRequest_soughtPersonId_openedOn_id_idx" ON "people"."TracingRequest"("soughtPersonId", "openedOn", "id");

-- DropIndex
DROP INDEX "people"."DetentionRecord_personId_idx";

-- CreateIndex
CREATE INDEX "DetentionRecord_personId_captureDate_id_idx" ON "people"."DetentionRecord"("personId", "captureDate", "id");

-- DropIndex
DROP INDEX "people"."DetentionVisit_detentionRecordId_visitedOn_idx";

-- CreateIndex
CREATE INDEX "DetentionVisit_detentionRecordId_visitedOn_id_idx" ON "people"."DetentionVisit"("detentionRecordId", "visitedOn", "id");

-- CreateIndex
CREATE INDEX "FamilyLink_personId_relationship_id_idx" ON "people"."FamilyLink"("personId", "relationship", "id");

-- The people last seen at a place run newest first with the id descending too: the old index
-- (date descending, id ascending) could not give that order.
-- DropIndex
DROP INDEX "people"."Person_lastSeenAtId_lastSeenOn_id_idx";

-- CreateIndex
CREATE INDEX "Person_lastSeenAtId_lastSeenOn_id_idx" ON "people"."Person"("lastSeenAtId", "lastSeenOn", "id");
