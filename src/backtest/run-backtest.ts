// A backtest: a pattern set run over the stored failures of a window (no log download, no GitHub
// call), compared with the verdicts they have today — or, given a `baseline` set (the one in force),
// with what that set says of the same text, so that only the new set's own effect shows. Rows are
// read a page at a time; the run stops at its deadline and says so. Failures a declaration, issue or
// broken trunk made known problems are left out: patterns did not decide them.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { CompiledPatternSet } from "../classify/index.js";
import { DECLARED_PATTERN, EVIDENCE_PATTERN } from "../decide/index.js";
import { failureTextFromRow } from "../keep/index.js";
import { reclassify } from "./reclassify.js";
import { failedEveryRerun, rerunOutcomes } from "./rerun-outcomes.js";

export type VerdictName = "flaky" | "known-problem" | "genuine";

export interface BacktestFailure {
  jobId: number;
  repo: string;
  private: boolean;
  sha: string;
  job: string;
  url: string | null;
  at: Date;
}

export interface BacktestChange extends BacktestFailure {
  old: { class: VerdictName; patternId: string | null };
  new: { class: VerdictName; patternId: string; line: number | null; matchedText: string };
}

/** A failure the new set calls flaky although it failed again on every re-run. */
export interface BacktestContradiction extends BacktestFailure {
  patternId: string;
  reruns: number;
}

export interface BacktestResult {
  since: Date;
  examined: number;
  /** Stored failures left out because a declaration, issue or broken trunk decided them. */
  declared: number;
  /** The window was not read to its end before the deadline. */
  cut: boolean;
  /** Genuine → flaky first (the dangerous direction), then other class changes, then cause changes. */
  changes: BacktestChange[];
  /** Repo and org patterns of the new set that decided (or, in observe mode, matched) none of the failures examined. */
  unmatched: string[];
  /** Patterns in `mode: observe`: the stored failures they matched, and how many of those are genuine today. */
  observed: { patternId: string; hits: number; genuine: number }[];
  contradictions: BacktestContradiction[];
}

export interface BacktestOptions {
  since: Date;
  repo?: { owner: string; name: string };
  /** What the failures are compared with: this set's verdict on the same text (absent: the stored verdict). */
  baseline?: CompiledPatternSet;
  /** Patterns whose flaky calls are checked against re-run outcomes (absent: the repo and org patterns). */
  watch?: ReadonlySet<string>;
  maxMs?: number;
  /** An absolute deadline on `now`'s clock, shared by several runs (wins over maxMs). */
  deadline?: number;
  now?: () => number;
  /** Stored failures read per query. */
  pageSize?: number;
}

/** Verdicts decide/ made on top of the patterns: not what a pattern set says of the text. */
const BY_DECIDE = new Set([EVIDENCE_PATTERN, DECLARED_PATTERN]);
const FROM_DB: Record<string, VerdictName> = { flaky: "flaky", known_problem: "known-problem", genuine: "genuine" };

export async function runBacktest(prisma: PrismaClient, compiled: CompiledPatternSet, opts: BacktestOptions): Promise<BacktestResult> {
  const now = opts.now ?? (() => performance.now());
  const deadline = opts.deadline ?? now() + (opts.maxMs ?? 120_000);
  const result: BacktestResult = { since: opts.since, examined: 0, declared: 0, cut: false, changes: [], unmatched: [], observed: [], contradictions: [] };
  const observed = new Map<string, { hits: number; genuine: number }>();
  const own = new Set(compiled.patterns.filter((p) => p.origin !== "builtin").map((p) => p.pattern.id));
  const watch = opts.watch ?? own;
  const hit = new Set<string>();
  const page = opts.pageSize ?? 200;
  const where = {
    createdAt: { gte: opts.since },
    ...(opts.repo ? { job: { repository: { owner: opts.repo.owner, name: opts.repo.name } } } : {}),
  };
  for (let after = 0; ; ) {
    const rows = await prisma.failureText.findMany({
      where: { ...where, jobId: { gt: after } },
      orderBy: { jobId: "asc" },
      take: page,
      include: { job: { include: { classification: true, repository: { select: { owner: true, name: true, private: true } } } } },
    });
    const outcomes = await rerunOutcomes(prisma, rows.map((r) => r.jobId));
    for (const row of rows) {
      const stored = row.job.classification;
      if (!stored) continue;
      if (stored.verdict === "known_problem" && stored.knownProblem) {
        result.declared++;
        continue;
      }
      const kept = await failureTextFromRow(row);
      const v = reclassify(kept, compiled, row.job);
      // Equal hashes, equal verdicts on the same text: a stored verdict the patterns made with the
      // baseline set is the baseline's verdict (the common case once re-classification has run).
      const current = opts.baseline && stored.patternSetHash === opts.baseline.hash && !BY_DECIDE.has(stored.patternId ?? "");
      const base = opts.baseline && !current ? reclassify(kept, opts.baseline, row.job) : null;
      const old = base ? { class: base.class, patternId: base.patternId } : { class: FROM_DB[stored.verdict] as VerdictName, patternId: stored.patternId };
      result.examined++;
      hit.add(v.patternId);
      for (const id of v.observed ?? []) {
        hit.add(id);
        const o = observed.get(id) ?? { hits: 0, genuine: 0 };
        o.hits++;
        if (old.class === "genuine") o.genuine++;
        observed.set(id, o);
      }
      const failure: BacktestFailure = {
        jobId: row.jobId,
        repo: `${row.job.repository.owner}/${row.job.repository.name}`,
        private: row.job.repository.private,
        sha: row.job.headSha,
        job: row.job.name,
        url: row.job.htmlUrl,
        at: row.createdAt,
      };
      const o = outcomes.get(row.jobId);
      if (v.class === "flaky" && watch.has(v.patternId) && failedEveryRerun(o)) result.contradictions.push({ ...failure, patternId: v.patternId, reruns: o?.reruns ?? 0 });
      const same = v.class === old.class && (v.class === "genuine" || v.patternId === old.patternId);
      if (same) continue;
      result.changes.push({ ...failure, old, new: { class: v.class, patternId: v.patternId, line: v.line, matchedText: v.matchedText } });
    }
    if (rows.length < page) break;
    after = rows[rows.length - 1]!.jobId;
    if (now() > deadline) {
      result.cut = true;
      break;
    }
  }
  result.changes.sort((a, b) => rank(a) - rank(b) || a.at.getTime() - b.at.getTime());
  result.observed = [...observed].map(([patternId, o]) => ({ patternId, ...o })).sort((a, b) => b.hits - a.hits || a.patternId.localeCompare(b.patternId));
  result.unmatched = [...own].filter((id) => !hit.has(id));
  return result;
}

function rank(c: BacktestChange): number {
  if (c.old.class === "genuine" && c.new.class !== "genuine") return 0;
  if (c.old.class !== c.new.class) return 1;
  return 2;
}
