-- Pages of the places an organisation runs are read in name order, per organisation.
CREATE INDEX "Location_organizationId_name_id_idx" ON "locations"."Location"("organizationId", "name", "id");
