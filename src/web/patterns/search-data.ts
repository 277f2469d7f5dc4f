// Search over a repository's stored failure texts (the investigation before writing a pattern): which
// failures of the window have a line the RE2 regex matches, on which jobs and days. Bounded by a time
// and bytes budget (keep/scan-failure-texts.ts); the result says when the window was cut.
import { compileRegex, PatternRegexError } from "../../classify/regex.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { scanFailureTexts, type ScanBudget } from "../../keep/index.js";
import { MAX_REGEX_BYTES } from "../../config/index.js";

const DAY = 24 * 3600 * 1000;
export const SEARCH_WINDOW_DAYS = 30;
/** Failures listed with their lines; the counts go on past them. */
const MAX_LISTED = 100;
const LINES_PER_FAILURE = 3;
const MAX_LINE = 300;

export const defaultSearchBudget: ScanBudget = { maxMs: 3000, maxBytes: 256 * 1024 * 1024 };

export interface SearchHit {
  jobId: number;
  job: string;
  workflow: string | null;
  sha: string;
  at: Date;
  verdict: string | null;
  patternId: string | null;
  /** Lines of this failure the regex matched. */
  count: number;
  lines: { line: number; text: string }[];
}

export interface SearchResult {
  query: string;
  days: number;
  /** Stored failures read, and those with a matching line. */
  scanned: number;
  matched: number;
  lines: number;
  /** Matching failures per UTC day (YYYY-MM-DD), oldest first. */
  byDay: { day: string; failures: number }[];
  hits: SearchHit[];
  cut: string | null;
}

export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false; error: string };

/** Why `q` cannot be searched for, or undefined. */
export function searchQueryProblem(q: string): string | undefined {
  if (q.trim() === "") return "enter a regular expression (RE2 syntax)";
  if (Buffer.byteLength(q, "utf8") > MAX_REGEX_BYTES) return `the regular expression is longer than ${MAX_REGEX_BYTES} bytes`;
  try {
    compileRegex(q, { id: "search", field: "q" });
  } catch (error) {
    if (error instanceof PatternRegexError) return `not a valid RE2 regular expression: ${error.reason}`;
    throw error;
  }
  return undefined;
}

export async function searchFailures(prisma: PrismaClient, repositoryId: bigint, q: string, now: Date, budget: ScanBudget = defaultSearchBudget): Promise<SearchOutcome> {
  const problem = searchQueryProblem(q);
  if (problem) return { ok: false, error: problem };
  const whole = compileRegex(q, { id: "search", field: "q", flags: "m" });
  const line = compileRegex(q, { id: "search", field: "q" });
  const found: { jobId: number; at: Date; count: number; lines: { line: number; text: string }[] }[] = [];
  let lines = 0;
  const scan = await scanFailureTexts(prisma, { repositoryId, since: new Date(now.getTime() - SEARCH_WINDOW_DAYS * DAY) }, budget, ({ jobId, at, kept }) => {
    whole.lastIndex = 0;
    if (!whole.test(kept.text)) return; // one linear pass rules most texts out
    const hit = { jobId, at, count: 0, lines: [] as { line: number; text: string }[] };
    kept.text.split("\n").forEach((text, i) => {
      if (!line.test(text)) return;
      hit.count++;
      if (hit.lines.length < LINES_PER_FAILURE) hit.lines.push({ line: kept.firstLine + i, text: text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text });
    });
    lines += hit.count;
    found.push(hit);
  });
  const listed = found.slice(0, MAX_LISTED);
  const jobs = await prisma.job.findMany({ where: { id: { in: listed.map((f) => f.jobId) } }, include: { classification: { select: { verdict: true, patternId: true } } } });
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const days = new Map<string, number>();
  for (const f of found) days.set(f.at.toISOString().slice(0, 10), (days.get(f.at.toISOString().slice(0, 10)) ?? 0) + 1);
  const hits = listed.flatMap((f) => {
    const j = byId.get(f.jobId);
    if (!j) return [];
    const verdict = j.classification ? (j.classification.verdict === "known_problem" ? "known-problem" : j.classification.verdict) : null;
    return [{ jobId: f.jobId, job: j.name, workflow: j.workflowName, sha: j.headSha, at: f.at, verdict, patternId: j.classification?.patternId ?? null, count: f.count, lines: f.lines }];
  });
  const byDay = [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, failures]) => ({ day, failures }));
  return { ok: true, result: { query: q, days: SEARCH_WINDOW_DAYS, scanned: scan.scanned, matched: found.length, lines, byDay, hits, cut: scan.cut } };
}
