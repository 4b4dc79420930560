-- A message's replies are read from an index on (message, createdAt, id), in the page's order,
-- and stop after the page: an index scan whatever the table's size or statistics. It replaces
-- the index on the message alone, which it also serves.

-- DropIndex
DROP INDEX "messages"."RedCrossMessage_inReplyToId_idx";

-- CreateIndex
CREATE INDEX "RedCrossMessage_inReplyToId_createdAt_id_idx" ON "messages"."RedCrossMessage"("inReplyToId", "createdAt", "id");
