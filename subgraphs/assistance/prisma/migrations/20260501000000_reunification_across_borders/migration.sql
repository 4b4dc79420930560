-- A reunification across a border records its direction and whether the crossing was open that day
-- (as the locations subgraph knew it when the support was recorded; null when nothing was known).
ALTER TABLE "assistance"."ReunificationSupport" ADD COLUMN "fromCountry" CHAR(2),
ADD COLUMN "toCountry" CHAR(2),
ADD COLUMN "crossingOpen" BOOLEAN;
