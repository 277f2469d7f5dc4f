-- The state is stored before GitHub creates the check run: the page never lags behind it.
ALTER TABLE "CheckRun" ALTER COLUMN "checkRunId" DROP NOT NULL;
