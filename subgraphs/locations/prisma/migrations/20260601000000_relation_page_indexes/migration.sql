-- A place's children of one type are read from an index on (parent, type, name, id), in the
-- page's order, and stop after the page: an index scan whatever the table's size or statistics.
-- Without it the planner may walk every place of the type and keep the parent's.

-- CreateIndex
CREATE INDEX "Location_parentId_type_name_id_idx" ON "locations"."Location"("parentId", "type", "name", "id");
