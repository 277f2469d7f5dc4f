// Everything decide/ needs beyond the SHA's own verdicts: trunk, declarations, known-problem issues and
// the issues the PR claims to fix.
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import { emptyHistory, fixedIssues, type History } from "../decide/index.js";
import { loadTrunk } from "./load-trunk.js";

export interface HistoryQuery {
  repositoryId: number;
  owner: string;
  repo: string;
  sha: string;
  prNumbers: number[];
  githubWebUrl: string;
}

export async function loadHistory(prisma: PrismaClient, octokit: ProbotOctokit, q: HistoryQuery): Promise<History> {
  const repositoryId = BigInt(q.repositoryId);
  const [repoRow, head] = await Promise.all([
    prisma.repository.findUnique({ where: { id: repositoryId } }),
    prisma.headCommit.findUnique({ where: { repositoryId_sha: { repositoryId, sha: q.sha } } }),
  ]);
  if (!repoRow) return emptyHistory;
  const onDefault = head?.branch === repoRow.defaultBranch && q.prNumbers.length === 0;
  const trunk = onDefault
    ? null // the default branch is the trunk itself
    : await loadTrunk(prisma, {
        repositoryId: q.repositoryId,
        baseBranch: head?.baseBranch ?? repoRow.defaultBranch,
        mergeBaseSha: head?.baseSha ?? null,
        headSha: q.sha,
        repoWebUrl: `${q.githubWebUrl}/${q.owner}/${q.repo}`,
      });
  const declarations = await prisma.knownBroken.findMany({
    where: { repositoryId, clearedAt: null, OR: [{ prNumber: null }, { prNumber: { in: q.prNumbers } }] },
    orderBy: { createdAt: "desc" },
  });
  const tracked = await prisma.knownProblemIssue.findMany({ where: { repositoryId, open: true }, orderBy: { number: "asc" } });
  const issues = tracked.filter((i) => i.knownProblem);
  // The PR body is read only when an issue could be claimed, to spare API calls.
  const fixed = issues.length > 0 ? await prBodiesFixes(octokit, q) : [];
  return {
    trunk,
    declarations: declarations.map((d) => ({ id: d.id, jobGlob: d.jobGlob, reason: d.reason, declaredBy: d.declaredBy, prNumber: d.prNumber, expiresAt: d.expiresAt, clearedAt: d.clearedAt })),
    issues: issues.map((i) => ({ number: i.number, title: i.title, url: i.htmlUrl, jobGlobs: i.jobGlobs, patterns: i.patterns })),
    fixedIssues: fixed,
    flakyTestIssues: tracked.filter((i) => i.flakyTestIds.length > 0).map((i) => ({ number: i.number, title: i.title, url: i.htmlUrl, testIds: i.flakyTestIds })),
    // A default-branch commit has no pull request that could have changed a failing test.
    ...(onDefault ? { changedFiles: { kind: "not-needed" as const } } : {}),
  };
}

async function prBodiesFixes(octokit: ProbotOctokit, q: HistoryQuery): Promise<number[]> {
  const found = new Set<number>();
  for (const pull_number of q.prNumbers) {
    const { data } = await octokit.rest.pulls.get({ owner: q.owner, repo: q.repo, pull_number });
    for (const n of fixedIssues(data.body ?? null, `${q.owner}/${q.repo}`)) found.add(n);
  }
  return [...found];
}
