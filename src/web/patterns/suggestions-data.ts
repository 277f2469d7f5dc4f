// Suggestions for new patterns: failure signatures classified genuine that recur across unrelated pull
// requests (at least 2 PRs, 3 jobs) and often pass when re-run at the same commit: the marks of a
// flaky cause no pattern names yet. Each comes with a pattern prefilled from the signature and its
// backtest over the stored failure texts (how many it matches, how many of those are genuine today).
import { compileRegex, regexProblem } from "../../classify/regex.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { scanFailureTexts, type ScanBudget } from "../../keep/index.js";
import { MAX_REGEX_BYTES } from "../../config/index.js";
import { signatureRegex, suggestedId, suggestionYaml } from "./signature-regex.js";

const DAY = 24 * 3600 * 1000;
const MAX_ROWS = 5000;
const MAX_SUGGESTIONS = 5;
export const SUGGEST_RULE = { minPrs: 2, minJobs: 3, minPassedOnRerun: 2, minPassShare: 0.5 } as const;
const backtestBudget: ScanBudget = { maxMs: 2000, maxBytes: 128 * 1024 * 1024 };

export interface Suggestion {
  signature: string;
  /** A line it came from, as stored. */
  example: string | null;
  jobs: number;
  prs: number[];
  /** Jobs that passed when re-run at the same commit. */
  passedOnRerun: number;
  id: string;
  regex: string;
  yaml: string;
  backtest: { matched: number; genuine: number; scanned: number; cut: string | null };
}

type Row = { signature: string | null; matchedText: string | null; job: { id: number; name: string; headSha: string; runAttempt: number; prNumbers: number[] } };

export async function loadSuggestions(prisma: PrismaClient, repositoryId: bigint, now: Date, days = 30): Promise<Suggestion[]> {
  const since = new Date(now.getTime() - days * DAY);
  const rows: Row[] = await prisma.classification.findMany({
    where: { verdict: "genuine", updatedAt: { gte: since }, signature: { startsWith: "genuine:" }, job: { repositoryId } },
    select: { signature: true, matchedText: true, job: { select: { id: true, name: true, headSha: true, runAttempt: true, prNumbers: true } } },
    orderBy: { updatedAt: "desc" },
    take: MAX_ROWS,
  });
  const groups = new Map<string, Row[]>();
  for (const r of rows) if (r.signature && r.signature.length > "genuine:".length + 8) groups.set(r.signature, [...(groups.get(r.signature) ?? []), r]);
  const recurring = [...groups].filter(([, g]) => g.length >= SUGGEST_RULE.minJobs && prsOf(g).length >= SUGGEST_RULE.minPrs);
  const candidates: Omit<Suggestion, "backtest">[] = [];
  for (const [signature, g] of recurring.slice(0, 50)) {
    const passedOnRerun = await passedOnRerunCount(prisma, repositoryId, g);
    if (passedOnRerun < SUGGEST_RULE.minPassedOnRerun || passedOnRerun < g.length * SUGGEST_RULE.minPassShare) continue;
    const regex = signatureRegex(signature);
    if (Buffer.byteLength(regex) > MAX_REGEX_BYTES || regexProblem(regex, { id: "suggestion" })) continue;
    const id = suggestedId(signature);
    const description = `Suggested by Sift: failed on ${g.length} jobs across ${prsOf(g).length} pull requests, ${passedOnRerun} passed on re-run`;
    candidates.push({ signature, example: g[0]?.matchedText ?? null, jobs: g.length, prs: prsOf(g), passedOnRerun, id, regex, yaml: suggestionYaml({ id, regex, description }) });
  }
  const chosen = candidates.sort((a, b) => b.passedOnRerun - a.passedOnRerun || b.jobs - a.jobs).slice(0, MAX_SUGGESTIONS);
  return backtest(prisma, repositoryId, since, chosen);
}

function prsOf(g: Row[]): number[] {
  return [...new Set(g.flatMap((r) => r.job.prNumbers))].sort((a, b) => a - b);
}

/** Jobs of the group with a later attempt of the same job at the same commit that passed. */
async function passedOnRerunCount(prisma: PrismaClient, repositoryId: bigint, g: Row[]): Promise<number> {
  const later = await prisma.job.findMany({
    where: { repositoryId, conclusion: "success", OR: g.slice(0, 200).map((r) => ({ headSha: r.job.headSha, name: r.job.name, runAttempt: { gt: r.job.runAttempt } })) },
    select: { headSha: true, name: true, runAttempt: true },
  });
  return g.filter((r) => later.some((l) => l.headSha === r.job.headSha && l.name === r.job.name && l.runAttempt > r.job.runAttempt)).length;
}

/** One pass over the stored texts for all suggestions: how many failures each regex matches. */
async function backtest(prisma: PrismaClient, repositoryId: bigint, since: Date, chosen: Omit<Suggestion, "backtest">[]): Promise<Suggestion[]> {
  if (chosen.length === 0) return [];
  const regexes = chosen.map((c) => compileRegex(c.regex, { id: c.id, flags: "m" }));
  const matched = chosen.map(() => [] as number[]);
  const scan = await scanFailureTexts(prisma, { repositoryId, since }, backtestBudget, ({ jobId, kept }) => {
    regexes.forEach((re, i) => {
      re.lastIndex = 0;
      if (re.test(kept.text)) matched[i]?.push(jobId);
    });
  });
  const all = [...new Set(matched.flat())];
  const genuine = new Set((await prisma.classification.findMany({ where: { jobId: { in: all }, verdict: "genuine" }, select: { jobId: true } })).map((c) => c.jobId));
  return chosen.map((c, i) => {
    const ids = matched[i] ?? [];
    return { ...c, backtest: { matched: ids.length, genuine: ids.filter((id) => genuine.has(id)).length, scanned: scan.scanned, cut: scan.cut } };
  });
}
