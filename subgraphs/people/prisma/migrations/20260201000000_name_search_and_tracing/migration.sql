-- Name search across scripts, possible matches for tracing requests, located persons.

-- Trigram similarity (pg_trgm) and double metaphone (fuzzystrmatch); both ship with PostgreSQL
-- and PGlite. In `public` so every schema's search path finds their operators.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public;

-- The folded search key of a name in any script: Cyrillic (Russian, Ukrainian, Belarusian) read
-- letter by letter, diacritics dropped, and the spellings on which romanisation systems differ
-- collapsed (kh/h/g, y/j/i, ts/c, doubled letters…), so Олександр, Oleksandr and Aleksandr land
-- near each other for trigram similarity. The one definition used by the seed, the mutations and
-- the search, so keys always agree.
CREATE OR REPLACE FUNCTION "people"."name_fold"(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    translate(
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        lower(input),
        'щ', 's'), 'ж', 'z'), 'х', 'h'), 'ц', 'c'), 'ч', 'c'), 'ш', 's'), 'ю', 'iu'), 'я', 'ia'), 'є', 'ie'), 'x', 'ks'),
      'абвгґдеёзиіїйклмнопрстуўфыэъь' || 'áàâäãåāăąčćçďđéèêëěēėęíìîïīįľĺłñňńóòôöõøōőřŕšśşťúùûüůūűųýÿžźż' || 'ʼ''’`"-.,',
      'abvhgdeeziiiiklmnoprstuufie'   || 'aaaaaaaaacccddeeeeeeeeiiiiiillllnnnoooooooorrssstuuuuuuuuiizzz'),
    'shch|sch|sh', 's', 'g'), 'zh', 'z', 'g'), 'kh|g', 'h', 'g'), 'ts|tz|ch|c', 'c', 'g'),
    '[yj]', 'i', 'g'), '([a-z])\1+|[^a-z ]', '\1', 'g'));
$$;

-- AlterTable
ALTER TABLE "people"."TracingRequest" ADD COLUMN "locatedPersonId" UUID;

-- CreateTable
CREATE TABLE "people"."PersonNameForm" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "script" VARCHAR(4) NOT NULL,
    "scheme" VARCHAR(32) NOT NULL,
    "language" VARCHAR(8),
    "value" VARCHAR(400) NOT NULL,
    "nameKey" VARCHAR(300) NOT NULL,
    "phoneticKey" VARCHAR(40) NOT NULL,
    "birthYear" INTEGER,

    CONSTRAINT "PersonNameForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."TracingMatchRejection" (
    "id" UUID NOT NULL,
    "tracingRequestId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reason" VARCHAR(500),
    "recordedById" UUID NOT NULL,
    "sharedWithIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TracingMatchRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people"."PersonNameKey" (
    "nameKey" VARCHAR(300) NOT NULL,

    CONSTRAINT "PersonNameKey_pkey" PRIMARY KEY ("nameKey")
);

-- CreateIndex
CREATE INDEX "PersonNameKey_nameKey_idx" ON "people"."PersonNameKey" USING GIST ("nameKey" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "PersonNameForm_nameKey_birthYear_idx" ON "people"."PersonNameForm"("nameKey", "birthYear");

-- CreateIndex
CREATE INDEX "PersonNameForm_phoneticKey_birthYear_idx" ON "people"."PersonNameForm"("phoneticKey", "birthYear");

-- CreateIndex
CREATE INDEX "PersonNameForm_personId_idx" ON "people"."PersonNameForm"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "TracingMatchRejection_tracingRequestId_personId_key" ON "people"."TracingMatchRejection"("tracingRequestId", "personId");

-- CreateIndex
CREATE INDEX "TracingRequest_locatedPersonId_idx" ON "people"."TracingRequest"("locatedPersonId");

-- AddForeignKey
ALTER TABLE "people"."TracingRequest" ADD CONSTRAINT "TracingRequest_locatedPersonId_fkey" FOREIGN KEY ("locatedPersonId") REFERENCES "people"."Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."PersonNameForm" ADD CONSTRAINT "PersonNameForm_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"."Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."TracingMatchRejection" ADD CONSTRAINT "TracingMatchRejection_tracingRequestId_fkey" FOREIGN KEY ("tracingRequestId") REFERENCES "people"."TracingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people"."TracingMatchRejection" ADD CONSTRAINT "TracingMatchRejection_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"."Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The phonetic key of a folded `given family` key: double metaphone of each of the two names.
CREATE OR REPLACE FUNCTION "people"."name_phonetic"(name_key text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.dmetaphone(split_part(name_key, ' ', 1)) || ' ' || public.dmetaphone(regexp_replace(name_key, '^.* ', ''));
$$;
