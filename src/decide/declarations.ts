// `/known-broken` declarations: a PR's own, and repo-wide ones from default-branch commits (7 days).
import type { KnownProblem } from "../model/index.js";
import { globMatcher } from "./glob.js";
import type { Declaration } from "./history.js";

export function isActiveDeclaration(d: Declaration, prNumbers: readonly number[], now: Date): boolean {
  if (d.clearedAt !== null) return false;
  if (d.expiresAt !== null && d.expiresAt <= now) return false;
  return d.prNumber === null || prNumbers.includes(d.prNumber);
}

/** The first URL in a reason, so that "see https://…/issues/12" links from the report. */
export function firstUrl(text: string): string | null {
  for (const word of text.split(/\s+/)) {
    if (word.startsWith("https://") || word.startsWith("http://")) return word.replace(/[).,;:!?]+$/, "");
  }
  return null;
}

export function matchDeclaration(jobName: string, declarations: readonly Declaration[]): KnownProblem | null {
  // A PR's own declaration wins over a repo-wide one: it is the more specific statement.
  const ordered = [...declarations].sort((a, b) => Number(a.prNumber === null) - Number(b.prNumber === null));
  for (const d of ordered) {
    if (!globMatcher([d.jobGlob])?.(jobName)) continue;
    return {
      source: "declaration",
      description: d.prNumber === null ? `declared broken on the default branch: ${d.reason}` : d.reason,
      url: firstUrl(d.reason),
      declaredBy: d.declaredBy,
      since: null,
    };
  }
  return null;
}
