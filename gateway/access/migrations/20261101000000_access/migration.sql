-- Partner API keys: only a hash of each secret is kept; the secret is shown once, when issued.
CREATE TABLE "access"."api_key" (
  "id" TEXT PRIMARY KEY,
  "partnerId" TEXT NOT NULL,
  "name" VARCHAR(200) NOT NULL,
  "scopes" TEXT[] NOT NULL,
  "secretHash" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "createdBy" TEXT NOT NULL,
  "revokedAt" TIMESTAMPTZ(3),
  "revokedBy" TEXT
);
CREATE INDEX "api_key_partnerId_idx" ON "access"."api_key" ("partnerId");

-- Every read of a sensitive field: who, for which partner, when, which record and field, in
-- which operation. Append-only: the triggers below refuse any change or removal.
CREATE TABLE "access"."audit_entry" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "subject" TEXT NOT NULL,
  "principalKind" TEXT NOT NULL,
  "partnerId" TEXT,
  "operationName" TEXT,
  "requestId" TEXT NOT NULL,
  "recordType" TEXT NOT NULL,
  "recordId" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "personIds" TEXT[] NOT NULL
);
CREATE INDEX "audit_entry_at_idx" ON "access"."audit_entry" ("at", "id");
CREATE INDEX "audit_entry_partnerId_at_idx" ON "access"."audit_entry" ("partnerId", "at", "id");
CREATE INDEX "audit_entry_personIds_idx" ON "access"."audit_entry" USING GIN ("personIds");

CREATE FUNCTION "access"."audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;
CREATE TRIGGER "audit_entry_no_update" BEFORE UPDATE OR DELETE ON "access"."audit_entry" FOR EACH ROW EXECUTE FUNCTION "access"."audit_entry_append_only"();
CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "access"."audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "access"."audit_entry_append_only"();
