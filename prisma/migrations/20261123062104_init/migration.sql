-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('actions', 'check_run', 'status');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('flaky', 'known_problem', 'genuine');

-- CreateEnum
CREATE TYPE "CommitState" AS ENUM ('idle', 'pending', 'running', 'done');

-- CreateTable
CREATE TABLE "Installation" (
    "id" BIGINT NOT NULL,
    "accountLogin" TEXT NOT NULL,
    "accountType" TEXT NOT NULL DEFAULT 'Organization',
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Repository" (
    "id" BIGINT NOT NULL,
    "installationId" BIGINT NOT NULL,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "defaultBranch" TEXT NOT NULL DEFAULT 'main',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Repository_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadCommit" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "sha" TEXT NOT NULL,
    "branch" TEXT,
    "baseBranch" TEXT,
    "baseSha" TEXT,
    "prNumbers" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "state" "CommitState" NOT NULL DEFAULT 'idle',
    "firstFailureAt" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "analysedAt" TIMESTAMP(3),
    "analyses" INTEGER NOT NULL DEFAULT 0,
    "conclusion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HeadCommit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "provider" "Provider" NOT NULL,
    "externalId" TEXT NOT NULL,
    "headSha" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "workflowName" TEXT,
    "runId" BIGINT,
    "runAttempt" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "conclusion" TEXT,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "prNumbers" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "headBranch" TEXT,
    "appSlug" TEXT,
    "checkRunId" BIGINT,
    "htmlUrl" TEXT,
    "logUrl" TEXT,
    "runnerName" TEXT,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "steps" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Classification" (
    "id" SERIAL NOT NULL,
    "jobId" INTEGER NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "patternId" TEXT,
    "category" TEXT,
    "patternSetHash" TEXT,
    "line" INTEGER,
    "excerpt" TEXT,
    "matchedText" TEXT,
    "signature" TEXT,
    "reason" TEXT NOT NULL,
    "knownProblem" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Classification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Retry" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "jobId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedBy" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "cause" TEXT,
    "notBefore" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Retry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnownBroken" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "jobGlob" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredBy" TEXT NOT NULL,
    "prNumber" INTEGER,
    "headSha" TEXT,
    "expiresAt" TIMESTAMP(3),
    "clearedAt" TIMESTAMP(3),
    "clearedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnownBroken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" SERIAL NOT NULL,
    "repositoryId" BIGINT NOT NULL,
    "headSha" TEXT NOT NULL,
    "checkRunId" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "conclusion" TEXT,
    "title" TEXT NOT NULL,
    "outputHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "action" TEXT,
    "installationId" BIGINT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Repository_installationId_idx" ON "Repository"("installationId");

-- CreateIndex
CREATE UNIQUE INDEX "Repository_owner_name_key" ON "Repository"("owner", "name");

-- CreateIndex
CREATE INDEX "HeadCommit_state_dueAt_idx" ON "HeadCommit"("state", "dueAt");

-- CreateIndex
CREATE INDEX "HeadCommit_repositoryId_branch_createdAt_idx" ON "HeadCommit"("repositoryId", "branch", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HeadCommit_repositoryId_sha_key" ON "HeadCommit"("repositoryId", "sha");

-- CreateIndex
CREATE INDEX "Job_repositoryId_headSha_idx" ON "Job"("repositoryId", "headSha");

-- CreateIndex
CREATE INDEX "Job_repositoryId_name_completedAt_idx" ON "Job"("repositoryId", "name", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_repositoryId_provider_externalId_key" ON "Job"("repositoryId", "provider", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Classification_jobId_key" ON "Classification"("jobId");

-- CreateIndex
CREATE INDEX "Classification_patternId_createdAt_idx" ON "Classification"("patternId", "createdAt");

-- CreateIndex
CREATE INDEX "Classification_signature_idx" ON "Classification"("signature");

-- CreateIndex
CREATE INDEX "Retry_repositoryId_createdAt_idx" ON "Retry"("repositoryId", "createdAt");

-- CreateIndex
CREATE INDEX "Retry_jobId_idx" ON "Retry"("jobId");

-- CreateIndex
CREATE INDEX "KnownBroken_repositoryId_prNumber_idx" ON "KnownBroken"("repositoryId", "prNumber");

-- CreateIndex
CREATE UNIQUE INDEX "CheckRun_repositoryId_headSha_key" ON "CheckRun"("repositoryId", "headSha");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");

-- AddForeignKey
ALTER TABLE "Repository" ADD CONSTRAINT "Repository_installationId_fkey" FOREIGN KEY ("installationId") REFERENCES "Installation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadCommit" ADD CONSTRAINT "HeadCommit_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retry" ADD CONSTRAINT "Retry_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retry" ADD CONSTRAINT "Retry_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnownBroken" ADD CONSTRAINT "KnownBroken_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
