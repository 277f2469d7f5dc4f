// What the details page shows for one head SHA, read from the database only: the page must not
// depend on GitHub answering at request time.
import type { PrismaClient } from "../generated/prisma/client.js";
import { groupAttempts, type Confidence, type EvidenceSentence, type VerdictClass } from "../model/index.js";
import { confidenceOf } from "../decide/index.js";
import { causeHistory, type CauseHistory } from "./cause-history.js";

export interface DetailsAttempt {
  attempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
  completedAt: Date | null;
}

export interface DetailsRetry {
  trigger: string;
  requestedBy: string | null;
  status: string;
  reason: string | null;
  attempt: number | null;
  outcome: string | null;
  at: Date;
}

export interface DetailsJob {
  provider: string;
  externalId: string;
  name: string;
  workflowName: string | null;
  htmlUrl: string | null;
  logUrl: string | null;
  verdict: VerdictClass;
  patternId: string | null;
  category: string | null;
  reason: string;
  knownProblem: string | null;
  line: number | null;
  excerpt: string | null;
  matchedText: string | null;
  attempts: DetailsAttempt[];
  retries: DetailsRetry[];
  history: CauseHistory | null;
  /** The failing tests the failing step named, as the runner printed them. */
  tests: { id: string; file: string | null }[];
  confidence: Confidence;
  /** Flaky-test evidence for or against the verdict, as sentences with links. */
  evidence: EvidenceSentence[];
}

export interface DetailsData {
  repo: { id: bigint; owner: string; name: string; private: boolean };
  sha: string;
  status: string | null;
  conclusion: string | null;
  title: string | null;
  jobs: DetailsJob[];
}

/** What GitHub (and GitHub Enterprise Server) allows in an owner or repository name. */
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * The repository named exactly so, ignoring case; null for a name GitHub would not allow. Prisma's
 * case-insensitive `equals` is ILIKE, where `_` and `%` are wildcards: the exact check comes after.
 */
export async function findRepository(prisma: PrismaClient, owner: string, name: string) {
  if (!NAME.test(owner) || !NAME.test(name)) return null;
  const candidates = await prisma.repository.findMany({
    where: { owner: { equals: owner, mode: "insensitive" }, name: { equals: name, mode: "insensitive" } },
    select: { id: true, owner: true, name: true, private: true, defaultBranch: true },
    take: 50,
  });
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return candidates.find((r) => same(r.owner, owner) && same(r.name, name)) ?? null;
}

/** null when Sift knows nothing of this SHA. */
export async function loadDetails(prisma: PrismaClient, repo: DetailsData["repo"], sha: string, now: Date): Promise<DetailsData | null> {
  // One snapshot: the check run's record and the verdicts it was rendered from are written in one
  // transaction (analyse-commit.ts), so the page reads them in one too and never mixes two states.
  const [checkRun, head, rows] = await prisma.$transaction(
    [
      prisma.checkRun.findUnique({ where: { repositoryId_headSha: { repositoryId: repo.id, headSha: sha } } }),
      prisma.headCommit.findUnique({ where: { repositoryId_sha: { repositoryId: repo.id, sha } } }),
      prisma.job.findMany({
        where: { repositoryId: repo.id, headSha: sha },
        include: { classification: true, retries: { orderBy: { createdAt: "asc" } }, failingTests: { where: { runnerFlaky: null }, orderBy: { id: "asc" } } },
        orderBy: [{ name: "asc" }, { runAttempt: "asc" }, { id: "asc" }],
      }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  if (!checkRun && !head && rows.length === 0) return null;
  const jobs: DetailsJob[] = [];
  for (const group of groupAttempts(rows)) {
    const latest = [...group].reverse().find((j) => j.classification);
    if (!latest?.classification) continue;
    const c = latest.classification;
    const verdict: VerdictClass = c.verdict === "known_problem" ? "known-problem" : c.verdict;
    jobs.push({
      provider: latest.provider,
      externalId: latest.externalId,
      name: latest.name,
      workflowName: latest.workflowName,
      htmlUrl: latest.htmlUrl,
      logUrl: latest.provider === "actions" ? null : latest.logUrl,
      verdict,
      patternId: c.patternId,
      category: c.category,
      reason: c.reason,
      knownProblem: c.knownProblem,
      line: c.line,
      excerpt: c.excerpt,
      matchedText: c.matchedText,
      attempts: group.map((j) => ({ attempt: j.runAttempt, conclusion: j.status === "completed" ? j.conclusion : j.status, htmlUrl: j.htmlUrl, completedAt: j.completedAt })),
      retries: group.flatMap((j) =>
        j.retries.map((r) => ({ trigger: r.trigger, requestedBy: r.requestedBy, status: r.status, reason: r.reason, attempt: r.attempt, outcome: r.outcome, at: r.createdAt })),
      ),
      history: await causeHistory(prisma, repo.id, { patternId: c.patternId, signature: c.signature }, now),
      tests: latest.failingTests.map((t) => ({ id: t.testId, file: t.file })),
      // Rows stored before confidence was: derived from the same fields, without re-run evidence.
      confidence: isConfidence(c.confidence) ? c.confidence : confidenceOf({ finalClass: verdict, failure: c }),
      evidence: evidenceOf(c.evidence),
    });
  }
  const order: Record<VerdictClass, number> = { genuine: 0, "known-problem": 1, flaky: 2 };
  jobs.sort((a, b) => order[a.verdict] - order[b.verdict]);
  // Status and conclusion are the check run's, from its record: never the worker's own bookkeeping.
  return { repo, sha, status: checkRun?.status ?? null, conclusion: checkRun?.conclusion ?? null, title: checkRun?.title ?? null, jobs };
}

function isConfidence(value: string | null): value is Confidence {
  return value === "high" || value === "medium" || value === "low";
}

/** The stored evidence (JSON written by analyse/save-classifications.ts), read defensively. */
function evidenceOf(value: unknown): EvidenceSentence[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e: unknown) => {
    const { text, links } = (e ?? {}) as { text?: unknown; links?: unknown };
    if (typeof text !== "string") return [];
    const ok = Array.isArray(links) ? links.filter((l): l is { label: string; url: string } => typeof l?.label === "string" && typeof l?.url === "string") : [];
    return [{ text, links: ok.map((l) => ({ label: l.label, url: l.url })) }];
  });
}
