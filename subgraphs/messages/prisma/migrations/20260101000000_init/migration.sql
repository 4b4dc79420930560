-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "messages";

-- CreateEnum
CREATE TYPE "messages"."MessageStatus" AS ENUM ('DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE', 'RETURNED');

-- CreateTable
CREATE TABLE "messages"."RedCrossMessage" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(32) NOT NULL,
    "senderId" UUID NOT NULL,
    "addresseeId" UUID NOT NULL,
    "senderAddress" TEXT,
    "addresseeAddress" TEXT,
    "language" VARCHAR(35) NOT NULL,
    "content" TEXT NOT NULL,
    "status" "messages"."MessageStatus" NOT NULL,
    "collectingPartnerId" UUID NOT NULL,
    "deliveringPartnerId" UUID,
    "inReplyToId" UUID,
    "idempotencyKey" VARCHAR(200),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],

    CONSTRAINT "RedCrossMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages"."MessageStatusChange" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "status" "messages"."MessageStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "partnerId" UUID NOT NULL,
    "locationId" UUID,
    "note" TEXT,
    "sequence" INTEGER NOT NULL,

    CONSTRAINT "MessageStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RedCrossMessage_reference_key" ON "messages"."RedCrossMessage"("reference");

-- CreateIndex
CREATE INDEX "RedCrossMessage_senderId_createdAt_id_idx" ON "messages"."RedCrossMessage"("senderId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RedCrossMessage_addresseeId_createdAt_id_idx" ON "messages"."RedCrossMessage"("addresseeId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RedCrossMessage_status_createdAt_id_idx" ON "messages"."RedCrossMessage"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RedCrossMessage_createdAt_id_idx" ON "messages"."RedCrossMessage"("createdAt", "id");

-- CreateIndex
CREATE INDEX "RedCrossMessage_inReplyToId_idx" ON "messages"."RedCrossMessage"("inReplyToId");

-- CreateIndex
CREATE INDEX "RedCrossMessage_recordedById_idx" ON "messages"."RedCrossMessage"("recordedById");

-- CreateIndex
CREATE INDEX "RedCrossMessage_sharedWithIds_idx" ON "messages"."RedCrossMessage" USING GIN ("sharedWithIds");

-- CreateIndex
CREATE UNIQUE INDEX "RedCrossMessage_collectingPartnerId_idempotencyKey_key" ON "messages"."RedCrossMessage"("collectingPartnerId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "MessageStatusChange_messageId_sequence_key" ON "messages"."MessageStatusChange"("messageId", "sequence");

-- AddForeignKey
ALTER TABLE "messages"."RedCrossMessage" ADD CONSTRAINT "RedCrossMessage_inReplyToId_fkey" FOREIGN KEY ("inReplyToId") REFERENCES "messages"."RedCrossMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages"."MessageStatusChange" ADD CONSTRAINT "MessageStatusChange_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"."RedCrossMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
