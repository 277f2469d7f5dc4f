// PURE: the values of a repository's `statistics:` in one job's normalised log. Each statistic's
// regex runs over the whole text (RE2, ^/$ at lines); of its matches the LAST one wins, and each of
// its named groups whose text is a number is one reading (`(?P<kb>\d+)` → group "kb"). An RE2.Set
// first tells which statistics match at all, so a log is read once more whatever their number.
import picomatch from "picomatch";
import type { Statistic, StatisticReading } from "../model/index.js";
import { compileRegex, compileRegexSet, type RE2 } from "./regex.js";

/** The statistics whose `jobs` globs take this job (none given: every job). */
export function statisticsFor<S extends Pick<Statistic, "jobs">>(statistics: readonly S[], jobName: string): S[] {
  return statistics.filter((s) => !s.jobs?.length || picomatch.isMatch(jobName, s.jobs, { nocase: true, dot: true, bash: true }));
}

/** "1,234", "12.5", "-3", "1e3" → a number; anything else (text, "", NaN) → undefined. */
export function statisticNumber(text: string): number | undefined {
  const plain = text.trim().replace(/(\d)[,_](?=\d{3}(?!\d))/g, "$1");
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(plain)) return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

export function extractStatistics(text: string, statistics: readonly Pick<Statistic, "id" | "regex">[]): StatisticReading[] {
  if (statistics.length === 0 || text.length === 0) return [];
  // RE2 reads a Buffer without converting the string again at every match (10× faster on 50 MB).
  const bytes = Buffer.from(text, "utf8");
  const hit = new Set(compileRegexSet(statistics.map((s) => s.regex), "m").match(bytes));
  const lasts: { statistic: string; at: number; groups: Record<string, Buffer> }[] = [];
  statistics.forEach((s, i) => {
    if (!hit.has(i)) return;
    const last = lastMatch(compileRegex(s.regex, { id: s.id, flags: "gm" }), bytes);
    if (last) lasts.push({ statistic: s.id, ...last });
  });
  const lines = lineNumbers(bytes, lasts.map((l) => l.at));
  return lasts.flatMap(({ statistic, at, groups }) =>
    Object.entries(groups).flatMap(([group, raw]) => {
      const value = raw === undefined ? undefined : statisticNumber(raw.toString("utf8"));
      return value === undefined ? [] : [{ statisticId: statistic, group, value, line: lines.get(at) ?? 1 }];
    }),
  );
}

/** Bytes scanned at once from the end: a log that prints its figure on every line costs one chunk's matches. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The last match, found from the end in chunks that start at line starts: the first chunk (from the
 * end) with a match holds the last one, so a log full of matches is not walked match by match.
 */
function lastMatch(regex: RE2, bytes: Buffer): { at: number; groups: Record<string, Buffer> } | undefined {
  for (let end = bytes.length; end > 0; ) {
    let start = Math.max(0, end - CHUNK_BYTES);
    if (start > 0) start = bytes.lastIndexOf(10, start - 1) + 1;
    const chunk = bytes.subarray(start, end);
    let last: { index: number; groups?: unknown } | null = null;
    regex.lastIndex = 0;
    for (let m = regex.exec(chunk); m; m = regex.exec(chunk)) {
      last = m;
      if (m[0].length === 0) regex.lastIndex++; // an empty match must not stall the scan
    }
    if (last) return { at: start + last.index, groups: { ...(last.groups as Record<string, Buffer> | undefined) } };
    end = start;
  }
  return undefined;
}

/** 1-based line numbers of byte offsets, in one pass over the newlines up to the last of them. */
function lineNumbers(bytes: Buffer, offsets: number[]): Map<number, number> {
  const out = new Map<number, number>();
  let line = 1;
  let from = 0;
  for (const at of [...new Set(offsets)].sort((a, b) => a - b)) {
    for (let nl = bytes.indexOf(10, from); nl !== -1 && nl < at; nl = bytes.indexOf(10, nl + 1)) {
      line++;
      from = nl + 1;
    }
    out.set(at, line);
  }
  return out;
}
