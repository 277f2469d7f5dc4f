-- CreateTable
CREATE TABLE "MainBranchDay" (
    "repositoryId" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "branch" TEXT NOT NULL,
    "commits" INTEGER NOT NULL,
    "broken" INTEGER NOT NULL,
    "points" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MainBranchDay_pkey" PRIMARY KEY ("repositoryId","day")
);

-- AddForeignKey
ALTER TABLE "MainBranchDay" ADD CONSTRAINT "MainBranchDay_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
