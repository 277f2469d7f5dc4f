-- Sign in with GitHub: one row per signed-in person (the user's token encrypted). The org grid reads
-- a repository's failed (or successful) jobs by day: Job gets an index on
-- (repositoryId, conclusion, completedAt, startedAt): durations come from the index alone.
-- CreateTable
CREATE TABLE "ReaderSession" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "tokenCipher" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReaderSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReaderSession_expiresAt_idx" ON "ReaderSession"("expiresAt");

-- CreateIndex
CREATE INDEX "Job_repositoryId_conclusion_completedAt_startedAt_idx" ON "Job"("repositoryId", "conclusion", "completedAt", "startedAt");
