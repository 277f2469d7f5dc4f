-- CreateTable
CREATE TABLE "CommandWindow" (
    "repositoryId" BIGINT NOT NULL,
    "login" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "commands" INTEGER NOT NULL DEFAULT 0,
    "replied" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CommandWindow_pkey" PRIMARY KEY ("repositoryId","login","windowStart")
);
