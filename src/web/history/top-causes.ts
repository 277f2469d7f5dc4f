// The causes of failures in one repository lately: which come back most, and which are new.
// Only this repository's rows, so a page never reveals another repository's jobs.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { failureKind, type FailureKind, type VerdictClass } from "../../model/index.js";

const DAY = 24 * 3600 * 1000;
/** Enough for a busy repository's month; beyond it the page says the counts are partial. */
const MAX_ROWS = 20_000;

export interface CauseCount {
  /** The pattern id, or the failure's signature when no pattern matched. */
  cause: string;
  patternId: string | null;
  category: string | null;
  verdict: VerdictClass;
  kind: FailureKind;
  count: number;
  /** Distinct job names that failed with this cause. */
  jobs: number;
  firstSeen: Date;
  lastSeen: Date;
  /** The head SHA of the latest failure, for a link to its details page. */
  latestSha: string;
}

export interface CauseCounts {
  days: number;
  newDays: number;
  top: CauseCount[];
  /** Causes whose first failure in this repository is within the last `newDays` days. */
  new: CauseCount[];
  /** The row cap was reached: counts are a lower bound. */
  partial: boolean;
}

type Row = { verdict: "flaky" | "known_problem" | "genuine"; patternId: string | null; category: string | null; signature: string | null; createdAt: Date; updatedAt: Date; job: { name: string; headSha: string } };

const causeKey = (r: Pick<Row, "patternId" | "signature">): string | null => r.patternId ?? (r.signature ? `signature ${r.signature}` : null);

export async function causeCounts(prisma: PrismaClient, repositoryId: bigint, now: Date, opts = { days: 30, newDays: 7, limit: 15 }): Promise<CauseCounts> {
  const since = new Date(now.getTime() - opts.days * DAY);
  const newSince = new Date(now.getTime() - opts.newDays * DAY);
  const rows: Row[] = await prisma.classification.findMany({
    where: { updatedAt: { gte: since, lte: now }, job: { repositoryId } },
    select: { verdict: true, patternId: true, category: true, signature: true, createdAt: true, updatedAt: true, job: { select: { name: true, headSha: true } } },
    orderBy: { updatedAt: "desc" },
    take: MAX_ROWS,
  });
  const groups = aggregate(rows);
  const recent = groups.filter((g) => g.firstSeen >= newSince);
  const seenBefore = await causesSeenBefore(prisma, repositoryId, newSince, recent);
  return {
    days: opts.days,
    newDays: opts.newDays,
    top: groups.slice(0, opts.limit),
    new: recent.filter((g) => !seenBefore.has(g.cause)).slice(0, opts.limit),
    partial: rows.length === MAX_ROWS,
  };
}

/** Rows newest first → one entry per (cause, verdict), most frequent first. */
function aggregate(rows: Row[]): CauseCount[] {
  const groups = new Map<string, CauseCount & { names: Set<string> }>();
  for (const r of rows) {
    const cause = causeKey(r) ?? "no pattern matched";
    const verdict: VerdictClass = r.verdict === "known_problem" ? "known-problem" : r.verdict;
    const key = JSON.stringify([cause, verdict]);
    let g = groups.get(key);
    if (!g) {
      g = { cause, patternId: r.patternId, category: r.category, verdict, kind: failureKind(r), count: 0, jobs: 0, firstSeen: r.createdAt, lastSeen: r.updatedAt, latestSha: r.job.headSha, names: new Set() };
      groups.set(key, g);
    }
    g.count++;
    g.names.add(r.job.name);
    if (r.createdAt < g.firstSeen) g.firstSeen = r.createdAt;
  }
  return [...groups.values()]
    .map(({ names, ...g }) => ({ ...g, jobs: names.size }))
    .sort((a, b) => b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime() || a.cause.localeCompare(b.cause));
}

/** Which of these causes failed in this repository before `before` (at any time, not only within the window). */
async function causesSeenBefore(prisma: PrismaClient, repositoryId: bigint, before: Date, causes: CauseCount[]): Promise<Set<string>> {
  const patternIds = [...new Set(causes.flatMap((c) => (c.patternId ? [c.patternId] : [])))];
  const signatures = [...new Set(causes.flatMap((c) => (!c.patternId && c.cause.startsWith("signature ") ? [c.cause.slice("signature ".length)] : [])))];
  const unmatched = causes.some((c) => c.cause === "no pattern matched");
  if (patternIds.length + signatures.length === 0 && !unmatched) return new Set();
  const where = { createdAt: { lt: before }, job: { repositoryId } };
  const [byPattern, bySignature, none] = await Promise.all([
    patternIds.length ? prisma.classification.groupBy({ by: ["patternId"], where: { ...where, patternId: { in: patternIds } } }) : [],
    signatures.length ? prisma.classification.groupBy({ by: ["signature"], where: { ...where, patternId: null, signature: { in: signatures } } }) : [],
    unmatched ? prisma.classification.findFirst({ where: { ...where, patternId: null, signature: null }, select: { id: true } }) : null,
  ]);
  return new Set([...byPattern.map((r) => r.patternId ?? ""), ...bySignature.map((r) => `signature ${r.signature ?? ""}`), ...(none ? ["no pattern matched"] : [])]);
}
