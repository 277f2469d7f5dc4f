-- CreateTable
CREATE TABLE "DailyDuration" (
    "repositoryId" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "runs" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "sumSquares" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "median" DOUBLE PRECISION NOT NULL,
    "p90" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DailyDuration_pkey" PRIMARY KEY ("repositoryId","day")
);

-- CreateTable
CREATE TABLE "StaleDurationDay" (
    "repositoryId" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "StaleDurationDay_pkey" PRIMARY KEY ("repositoryId","day")
);

-- Written by hand: every insert, update or delete of a successful job marks its (repository, UTC
-- day) stale, whatever code path it comes from (webhooks, backfill, a repository's cascade). Row
-- triggers with WHEN: a queued or running job's write never calls the function. Bumping the version
-- of an existing mark locks it until the job commits, so the rollup (src/rollup/settle-durations.ts)
-- never clears a mark whose job it did not see.
CREATE FUNCTION sift_stale_durations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD.conclusion = 'success' AND OLD."completedAt" IS NOT NULL THEN
      INSERT INTO "StaleDurationDay" ("repositoryId", day) VALUES (OLD."repositoryId", OLD."completedAt"::date)
        ON CONFLICT ("repositoryId", day) DO UPDATE SET version = "StaleDurationDay".version + 1;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.conclusion = 'success' AND NEW."completedAt" IS NOT NULL THEN
      INSERT INTO "StaleDurationDay" ("repositoryId", day) VALUES (NEW."repositoryId", NEW."completedAt"::date)
        ON CONFLICT ("repositoryId", day) DO UPDATE SET version = "StaleDurationDay".version + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Job_stale_durations_insert" AFTER INSERT ON "Job" FOR EACH ROW
  WHEN (NEW.conclusion = 'success') EXECUTE FUNCTION sift_stale_durations();
CREATE TRIGGER "Job_stale_durations_update" AFTER UPDATE ON "Job" FOR EACH ROW
  WHEN ((OLD.conclusion = 'success' OR NEW.conclusion = 'success')
    AND (OLD.conclusion, OLD."startedAt", OLD."completedAt", OLD."repositoryId") IS DISTINCT FROM (NEW.conclusion, NEW."startedAt", NEW."completedAt", NEW."repositoryId"))
  EXECUTE FUNCTION sift_stale_durations();
CREATE TRIGGER "Job_stale_durations_delete" AFTER DELETE ON "Job" FOR EACH ROW
  WHEN (OLD.conclusion = 'success') EXECUTE FUNCTION sift_stale_durations();

-- The history so far is stale: the start-up rollup sums it.
INSERT INTO "StaleDurationDay" ("repositoryId", day)
  SELECT DISTINCT "repositoryId", "completedAt"::date FROM "Job" WHERE conclusion = 'success' AND "completedAt" IS NOT NULL;
