// The base branch around a PR's merge base, from Sift's own records (it watches the default branch):
// the merge base and the most recent base-branch commits, with each job's conclusion and cause.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { TrunkCommit, TrunkHistory } from "../decide/index.js";

const RECENT_COMMITS = 10;

export interface TrunkQuery {
  repositoryId: number;
  baseBranch: string;
  mergeBaseSha: string | null;
  /** The SHA being analysed: never its own baseline (a fork's PR branch may be called main too). */
  headSha: string;
  /** e.g. https://github.com/o/r, for links to base-branch commits. */
  repoWebUrl: string;
}

export async function loadTrunk(prisma: PrismaClient, q: TrunkQuery): Promise<TrunkHistory | null> {
  if (!q.mergeBaseSha) return null;
  const repositoryId = BigInt(q.repositoryId);
  const recent = await prisma.job.findMany({
    where: { repositoryId, headBranch: q.baseBranch, headSha: { not: q.headSha } },
    orderBy: { createdAt: "desc" },
    distinct: ["headSha"],
    take: RECENT_COMMITS,
    select: { headSha: true },
  });
  const shas = [...new Set([q.mergeBaseSha, ...recent.map((r) => r.headSha)])].filter((s) => s !== q.headSha);
  const jobs = await prisma.job.findMany({
    where: { repositoryId, headSha: { in: shas } },
    include: { classification: { select: { patternId: true, signature: true } }, failingTests: { where: { runnerFlaky: null }, select: { testId: true, file: true } } },
    orderBy: [{ runAttempt: "asc" }, { id: "asc" }],
  });
  const commits = new Map<string, TrunkCommit>();
  for (const j of jobs) {
    const at = j.startedAt ?? j.createdAt;
    const c = commits.get(j.headSha) ?? { sha: j.headSha, at, url: `${q.repoWebUrl}/commit/${j.headSha}`, jobs: [] };
    if (at < c.at) c.at = at;
    // Later attempts come last and replace earlier ones: only the latest attempt counts.
    c.jobs = c.jobs.filter((x) => x.name !== j.name);
    c.jobs.push({
      name: j.name,
      conclusion: j.conclusion,
      patternId: j.classification?.patternId ?? null,
      signature: j.classification?.signature ?? null,
      tests: j.failingTests.map((t) => ({ id: t.testId, file: t.file })),
    });
    commits.set(j.headSha, c);
  }
  return { branch: q.baseBranch, mergeBaseSha: q.mergeBaseSha, commits: [...commits.values()].sort((a, b) => b.at.getTime() - a.at.getTime()) };
}
