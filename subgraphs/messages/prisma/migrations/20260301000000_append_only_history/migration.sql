-- A message's status history is append-only: a step, once recorded, is never rewritten or removed,
-- whoever connects to the database. Deleting a message that has a history is refused too: its
-- foreign key no longer cascades (the cascade would delete steps), and the trigger below would
-- refuse those deletes anyway.

-- AlterForeignKey
ALTER TABLE "messages"."MessageStatusChange" DROP CONSTRAINT "MessageStatusChange_messageId_fkey";
ALTER TABLE "messages"."MessageStatusChange" ADD CONSTRAINT "MessageStatusChange_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "messages"."RedCrossMessage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "messages"."MessageStatusChange_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the status history of a Red Cross Message is append-only: % is refused', TG_OP;
END;
$$;
CREATE TRIGGER "MessageStatusChange_no_change" BEFORE UPDATE OR DELETE ON "messages"."MessageStatusChange" FOR EACH ROW EXECUTE FUNCTION "messages"."MessageStatusChange_append_only"();
CREATE TRIGGER "MessageStatusChange_no_truncate" BEFORE TRUNCATE ON "messages"."MessageStatusChange" FOR EACH STATEMENT EXECUTE FUNCTION "messages"."MessageStatusChange_append_only"();
