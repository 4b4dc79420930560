-- Red Cross Message workflow: why a message was undeliverable, who made each step, how long a
-- message has waited at its status, and message references numbered by the database.

-- CreateEnum
CREATE TYPE "messages"."UndeliverableReason" AS ENUM ('ADDRESS_UNKNOWN', 'PERSON_MOVED', 'DECEASED', 'REFUSED', 'PERSON_NOT_FOUND', 'NO_ACCESS', 'OTHER');

-- AlterTable
ALTER TABLE "messages"."RedCrossMessage" ADD COLUMN "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing messages entered their status at their last recorded step (or when written).
UPDATE "messages"."RedCrossMessage" m
SET "statusChangedAt" = COALESCE((SELECT max(c."at") FROM "messages"."MessageStatusChange" c WHERE c."messageId" = m."id"), m."updatedAt");

-- AlterTable
ALTER TABLE "messages"."MessageStatusChange" ADD COLUMN "actor" VARCHAR(200),
ADD COLUMN "reason" "messages"."UndeliverableReason";

-- CreateIndex
CREATE INDEX "RedCrossMessage_status_statusChangedAt_id_idx" ON "messages"."RedCrossMessage"("status", "statusChangedAt", "id");

-- References of messages collected through the API: RCM-<year>-<number>, the number from here so
-- concurrent collections never share one.
CREATE SEQUENCE IF NOT EXISTS "messages"."RedCrossMessage_reference_seq" START 1;
