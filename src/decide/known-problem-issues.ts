// Issues labelled `sift:known-problem` name what they cover in their body, one key per line:
//   jobs: linux-test*, windows-build
//   pattern: gha.runner-lost
//   pattern: /connection reset by peer/
import type { ClassifiedFailure, KnownProblem } from "../model/index.js";
import { globMatcher } from "./glob.js";
import type { KnownProblemIssueInfo } from "./history.js";

/** Tests a regex source against text; the caller passes the RE2 factory, keeping this module pure. */
export type RegexTest = (source: string, text: string) => boolean;

export function parseKnownProblemIssueBody(body: string | null): { jobGlobs: string[]; patterns: string[] } {
  const jobGlobs: string[] = [];
  const patterns: string[] = [];
  for (const raw of (body ?? "").split("\n")) {
    const line = raw.trim().replace(/^[-*]\s+/, "").replace(/`/g, "");
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!value) continue;
    if (key === "job" || key === "jobs") jobGlobs.push(...value.split(",").map((g) => g.trim()).filter(Boolean));
    else if (key === "pattern" || key === "patterns" || key === "regex") patterns.push(value);
  }
  return { jobGlobs, patterns };
}

function patternMatches(pattern: string, failure: ClassifiedFailure, regexTest: RegexTest | undefined): boolean {
  if (pattern.length > 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
    const text = failure.matchedText ?? failure.excerpt;
    if (!regexTest || !text) return false;
    try {
      return regexTest(pattern.slice(1, -1), text);
    } catch {
      return false; // a regex RE2 rejects matches nothing; the issue body is the user's to fix
    }
  }
  return failure.patternId === pattern;
}

/** Both lists must agree when both are given; an issue that lists nothing covers nothing. */
export function issueCovers(issue: KnownProblemIssueInfo, jobName: string, failure: ClassifiedFailure, regexTest?: RegexTest): boolean {
  if (issue.jobGlobs.length === 0 && issue.patterns.length === 0) return false;
  if (issue.jobGlobs.length > 0 && !globMatcher(issue.jobGlobs)?.(jobName)) return false;
  return issue.patterns.length === 0 || issue.patterns.some((p) => patternMatches(p, failure, regexTest));
}

export function issueKnownProblem(issue: KnownProblemIssueInfo): KnownProblem {
  return { source: "issue", description: `#${issue.number}: ${issue.title}`, url: issue.url, declaredBy: null, since: null };
}
