// A backtest: a pattern set run over the stored failures of a window (no log download, no GitHub
// call), compared with the verdicts they have today. Rows are read a page at a time; the run stops
// at `maxMs` and says so. Failures a declaration, issue or broken trunk made known problems are
// left out: patterns did not decide them.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { CompiledPatternSet } from "../classify/index.js";
import { failureTextFromRow } from "../keep/index.js";
import { reclassify } from "./reclassify.js";

export type VerdictName = "flaky" | "known-problem" | "genuine";

export interface BacktestChange {
  jobId: number;
  repo: string;
  sha: string;
  job: string;
  url: string | null;
  at: Date;
  old: { class: VerdictName; patternId: string | null };
  new: { class: VerdictName; patternId: string; line: number | null; matchedText: string };
}

export interface BacktestResult {
  since: Date;
  examined: number;
  /** Stored failures left out because a declaration, issue or broken trunk decided them. */
  declared: number;
  /** The window was not read to its end within maxMs. */
  cut: boolean;
  /** Genuine → flaky first (the dangerous direction), then other class changes, then cause changes. */
  changes: BacktestChange[];
  /** Repo and org patterns of the new set that decided (or, in observe mode, matched) none of the failures examined. */
  unmatched: string[];
  /** Patterns in `mode: observe`: the stored failures they matched, and how many of those are genuine today. */
  observed: { patternId: string; hits: number; genuine: number }[];
}

export interface BacktestOptions {
  since: Date;
  repo?: { owner: string; name: string };
  maxMs?: number;
  now?: () => number;
  /** Stored failures read per query. */
  pageSize?: number;
}

const FROM_DB: Record<string, VerdictName> = { flaky: "flaky", known_problem: "known-problem", genuine: "genuine" };

export async function runBacktest(prisma: PrismaClient, compiled: CompiledPatternSet, opts: BacktestOptions): Promise<BacktestResult> {
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.maxMs ?? 120_000);
  const result: BacktestResult = { since: opts.since, examined: 0, declared: 0, cut: false, changes: [], unmatched: [], observed: [] };
  const observed = new Map<string, { hits: number; genuine: number }>();
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
      include: { job: { include: { classification: true, repository: { select: { owner: true, name: true } } } } },
    });
    for (const row of rows) {
      const stored = row.job.classification;
      if (!stored) continue;
      const old = { class: FROM_DB[stored.verdict] as VerdictName, patternId: stored.patternId };
      if (old.class === "known-problem" && stored.knownProblem) {
        result.declared++;
        continue;
      }
      const v = reclassify(await failureTextFromRow(row), compiled, row.job);
      result.examined++;
      hit.add(v.patternId);
      for (const id of v.observed ?? []) {
        hit.add(id);
        const o = observed.get(id) ?? { hits: 0, genuine: 0 };
        o.hits++;
        if (old.class === "genuine") o.genuine++;
        observed.set(id, o);
      }
      const same = v.class === old.class && (v.class === "genuine" || v.patternId === old.patternId);
      if (same) continue;
      result.changes.push({
        jobId: row.jobId,
        repo: `${row.job.repository.owner}/${row.job.repository.name}`,
        sha: row.job.headSha,
        job: row.job.name,
        url: row.job.htmlUrl,
        at: row.createdAt,
        old,
        new: { class: v.class, patternId: v.patternId, line: v.line, matchedText: v.matchedText },
      });
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
  result.unmatched = compiled.patterns.filter((p) => p.origin !== "builtin" && !hit.has(p.pattern.id)).map((p) => p.pattern.id);
  return result;
}

function rank(c: BacktestChange): number {
  if (c.old.class === "genuine" && c.new.class !== "genuine") return 0;
  if (c.old.class !== c.new.class) return 1;
  return 2;
}
