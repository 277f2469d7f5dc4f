-- CreateTable
CREATE TABLE "NotificationOutbox" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "installationId" BIGINT NOT NULL,
    "repositoryId" BIGINT,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationOutbox_key_key" ON "NotificationOutbox"("key");

-- CreateIndex
CREATE INDEX "NotificationOutbox_deliveredAt_failedAt_nextAttemptAt_idx" ON "NotificationOutbox"("deliveredAt", "failedAt", "nextAttemptAt");
