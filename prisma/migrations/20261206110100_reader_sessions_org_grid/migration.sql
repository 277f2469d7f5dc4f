-- Sign in with GitHub: one row per signed-in person (the user's token encrypted); the org grid reads
-- a repository's jobs by day, so Job gets an index on (repositoryId, completedAt).
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
CREATE INDEX "Job_repositoryId_completedAt_idx" ON "Job"("repositoryId", "completedAt");
