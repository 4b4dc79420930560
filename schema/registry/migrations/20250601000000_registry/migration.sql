-- The schema registry: every published version of the graph, and what operations use it.
-- Versions are append-only: a rollback publishes an earlier version's schema again as a new
-- version, so the history always says what was served when.
CREATE TABLE "registry"."schema_version" (
  "version"         INTEGER PRIMARY KEY,
  "supergraph_sdl"  TEXT NOT NULL,
  "api_sdl"         TEXT NOT NULL,
  "subgraphs"       JSONB NOT NULL,
  "author"          TEXT NOT NULL,
  "message"         TEXT NOT NULL,
  "changes"         JSONB NOT NULL,
  "rollback_of"     INTEGER REFERENCES "registry"."schema_version" ("version"),
  "published_at"    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per distinct operation signature and partner, counts added up by the gateway.
CREATE TABLE "registry"."operation_usage" (
  "signature_hash"  TEXT NOT NULL,
  "partner"         TEXT NOT NULL,
  "operation_name"  TEXT,
  "signature"       TEXT NOT NULL,
  "coordinates"     TEXT[] NOT NULL,
  "count"           BIGINT NOT NULL DEFAULT 0,
  "first_seen"      TIMESTAMPTZ NOT NULL DEFAULT now(),
  "last_seen"       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY ("signature_hash", "partner")
);

CREATE INDEX "operation_usage_coordinates_idx" ON "registry"."operation_usage" USING GIN ("coordinates");
