-- A key may be issued for a limited time: after "expiresAt" it is refused. NULL: it does not expire.
ALTER TABLE "access"."api_key" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);
