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

-- Written by hand: every statement that inserts, updates or deletes successful jobs marks their
-- (repository, UTC day) stale, whatever code path it comes from (webhooks, backfill, a repository's
-- cascade). Bumping the version of an existing mark locks it until the job commits, so the rollup
-- (src/rollup/settle-durations.ts) never clears a mark whose job it did not see.
CREATE FUNCTION sift_stale_durations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "StaleDurationDay" ("repositoryId", day)
      SELECT DISTINCT "repositoryId", "completedAt"::date FROM new_jobs WHERE conclusion = 'success' AND "completedAt" IS NOT NULL ORDER BY 1, 2
      ON CONFLICT ("repositoryId", day) DO UPDATE SET version = "StaleDurationDay".version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "StaleDurationDay" ("repositoryId", day)
      SELECT "repositoryId", "completedAt"::date FROM new_jobs WHERE conclusion = 'success' AND "completedAt" IS NOT NULL
      UNION SELECT "repositoryId", "completedAt"::date FROM old_jobs WHERE conclusion = 'success' AND "completedAt" IS NOT NULL ORDER BY 1, 2
      ON CONFLICT ("repositoryId", day) DO UPDATE SET version = "StaleDurationDay".version + 1;
  ELSE
    INSERT INTO "StaleDurationDay" ("repositoryId", day)
      SELECT DISTINCT "repositoryId", "completedAt"::date FROM old_jobs WHERE conclusion = 'success' AND "completedAt" IS NOT NULL ORDER BY 1, 2
      ON CONFLICT ("repositoryId", day) DO UPDATE SET version = "StaleDurationDay".version + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Job_stale_durations_insert" AFTER INSERT ON "Job" REFERENCING NEW TABLE AS new_jobs FOR EACH STATEMENT EXECUTE FUNCTION sift_stale_durations();
CREATE TRIGGER "Job_stale_durations_update" AFTER UPDATE ON "Job" REFERENCING OLD TABLE AS old_jobs NEW TABLE AS new_jobs FOR EACH STATEMENT EXECUTE FUNCTION sift_stale_durations();
CREATE TRIGGER "Job_stale_durations_delete" AFTER DELETE ON "Job" REFERENCING OLD TABLE AS old_jobs FOR EACH STATEMENT EXECUTE FUNCTION sift_stale_durations();

-- The history so far is stale: the start-up rollup sums it.
INSERT INTO "StaleDurationDay" ("repositoryId", day)
  SELECT DISTINCT "repositoryId", "completedAt"::date FROM "Job" WHERE conclusion = 'success' AND "completedAt" IS NOT NULL;
