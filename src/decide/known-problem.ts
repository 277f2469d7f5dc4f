// Which known problem, if any, a failure belongs to. Order: the PR's `Fixes #N` (its own failure),
// a `/known-broken` declaration, a known-problem issue, the classifier's pattern, then broken trunk.
import type { ClassifiedFailure, JobInfo, KnownProblem, VerdictClass } from "../model/index.js";
import { matchDeclaration } from "./declarations.js";
import { issueNumberOfUrl } from "./fixed-issues.js";
import type { Declaration, History } from "./history.js";
import { issueCovers, issueKnownProblem, type RegexTest } from "./known-problem-issues.js";
import { matchTrunk } from "./trunk.js";

export interface KnownProblemVerdict {
  finalClass: VerdictClass;
  knownProblem: KnownProblem | null;
  notes: string[];
  /** The PR says it fixes the known problem: the failure is its own, whatever else says flaky. */
  owned?: true;
}

export interface KnownProblemContext {
  history: History;
  /** Declarations already filtered to the active ones for this SHA's PRs. */
  declarations: Declaration[];
  repoFullName: string;
  regexTest?: RegexTest | undefined;
}

export function resolveKnownProblem(job: JobInfo, failure: ClassifiedFailure, ctx: KnownProblemContext): KnownProblemVerdict {
  const { history } = ctx;
  const covering = history.issues.filter((i) => issueCovers(i, job.name, failure, ctx.regexTest));
  const patternIssue = failure.class === "known-problem" ? issueNumberOfUrl(failure.issue, ctx.repoFullName) : null;
  const claimed = history.fixedIssues.find((n) => n === patternIssue || covering.some((i) => i.number === n));
  if (claimed !== undefined) {
    return { finalClass: "genuine", knownProblem: null, notes: [`This PR says it fixes #${claimed}, so this failure counts as its own.`], owned: true };
  }
  const declared = matchDeclaration(job.name, ctx.declarations);
  if (declared) return { finalClass: "known-problem", knownProblem: declared, notes: [] };
  const issue = covering[0];
  if (issue) return { finalClass: "known-problem", knownProblem: issueKnownProblem(issue), notes: [] };
  if (failure.class === "known-problem") {
    const kp: KnownProblem = { source: "pattern", description: failure.reason, url: failure.issue, declaredBy: null, since: null };
    return { finalClass: "known-problem", knownProblem: kp, notes: [] };
  }
  // A flaky verdict already clears the author and earns a re-run; trunk history only rescues genuine ones.
  if (failure.class === "flaky") return { finalClass: "flaky", knownProblem: null, notes: [] };
  const trunk = matchTrunk(job, failure, history.trunk);
  if (trunk.kind === "known") return { finalClass: "known-problem", knownProblem: trunk.knownProblem, notes: [] };
  return { finalClass: "genuine", knownProblem: null, notes: trunk.kind === "no-baseline" ? [trunk.note] : [] };
}
