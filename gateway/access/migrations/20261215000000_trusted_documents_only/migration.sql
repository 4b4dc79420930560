-- A key may be restricted to the trusted documents of the persisted-document manifest: it then runs
-- only those operations. Existing keys keep running any operation.
ALTER TABLE "access"."api_key" ADD COLUMN "trustedDocumentsOnly" BOOLEAN NOT NULL DEFAULT false;
