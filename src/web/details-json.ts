// The details page for machines: the same URL with `Accept: application/json` (or ?format=json).
import type { DetailsData } from "./details-data.js";

export interface DetailsJson {
  sha: string;
  /** The check run's status and conclusion (null while in progress), from the same stored state. */
  status: string | null;
  conclusion: string | null;
  jobs: {
    name: string;
    id: string;
    class: string;
    pattern: string | null;
    line: number | null;
    excerpt: string | null;
    retried: boolean;
    /** Failing test ids (with the file as the runner printed it). */
    tests: { id: string; file: string | null }[];
    /** high, medium or low: see src/decide/confidence.ts. */
    confidence: string;
    /** Flaky-test evidence: sentences with links. */
    evidence: { text: string; links: { label: string; url: string }[] }[];
  }[];
}

export function detailsJson(data: DetailsData): DetailsJson {
  return {
    sha: data.sha,
    status: data.status,
    conclusion: data.conclusion,
    jobs: data.jobs.map((j) => ({
      name: j.name,
      id: j.externalId,
      class: j.verdict,
      pattern: j.patternId,
      line: j.line,
      excerpt: j.excerpt,
      retried: j.attempts.length > 1 || j.retries.some((r) => r.status === "requested"),
      tests: j.tests,
      confidence: j.confidence,
      evidence: j.evidence,
    })),
  };
}

/** JSON when asked for explicitly; browsers (which list text/html) get the page. */
export function wantsJson(accept: string | undefined, url: URL): boolean {
  if (url.searchParams.get("format") === "json") return true;
  const a = (accept ?? "").toLowerCase();
  return a.includes("application/json") && !a.includes("text/html");
}
