-- A tracing request's reunification support is read from an index on (request, date, id), in the
-- page's order, and stops after the page: an index scan whatever the table's size or statistics.
-- It replaces the index on the request alone, which it also serves.

-- DropIndex
DROP INDEX "assistance"."ReunificationSupport_tracingRequestId_idx";

-- CreateIndex
CREATE INDEX "ReunificationSupport_tracingRequestId_date_id_idx" ON "assistance"."ReunificationSupport"("tracingRequestId", "date", "id");
