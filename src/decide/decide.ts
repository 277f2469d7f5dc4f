// decide: verdicts of one head SHA + history → final classes, known problems, and the re-run plan.
// Pure: the clock, the history and the regex engine come in as arguments.
import type { ClassifiedFailure, JobInfo, JobReport } from "../analyse/types.js";
import { attemptsOf, isFailedConclusion, latestAttempts } from "./attempts.js";
import { isActiveDeclaration } from "./declarations.js";
import type { History } from "./history.js";
import type { RegexTest } from "./known-problem-issues.js";
import { resolveKnownProblem } from "./known-problem.js";
import { outageNote } from "./outages.js";
import { planRetries, type RetryAction, type RetryContext } from "./plan-retries.js";

export interface DecideInput {
  now: Date;
  repoFullName: string;
  prNumbers: number[];
  /** Every job of the SHA, every attempt, any conclusion. */
  jobs: JobInfo[];
  /** The classifier's verdicts, by JobInfo.id; only latest failed attempts are looked at. */
  failures: ReadonlyMap<number, ClassifiedFailure>;
  history: History;
  retry: RetryContext;
  regexTest?: RegexTest | undefined;
}

export interface Decision {
  jobs: JobReport[];
  notes: string[];
  plan: RetryAction[];
}

/** The classifier could not look at this job (no verdict): fail closed. */
function unclassified(): ClassifiedFailure {
  const reason = "Sift has no classification for this failure, so it counts as genuine.";
  return { class: "genuine", patternId: null, category: null, reason, line: null, excerpt: null, matchedText: null, signature: null, retry: null, issue: null, step: null, notes: [] };
}

export function decide(input: DecideInput): Decision {
  const failed = latestAttempts(input.jobs).filter((j) => isFailedConclusion(j.conclusion));
  const declarations = input.history.declarations.filter((d) => isActiveDeclaration(d, input.prNumbers, input.now));
  const ctx = { history: input.history, declarations, repoFullName: input.repoFullName, regexTest: input.regexTest };
  const entries = failed.map((job) => {
    const failure = input.failures.get(job.id) ?? unclassified();
    const kp = resolveKnownProblem(job, failure, ctx);
    return { job, failure: kp.notes.length ? { ...failure, notes: [...failure.notes, ...kp.notes] } : failure, ...kp };
  });
  const plan = planRetries(entries, failed, input.retry, input.now);
  const held = new Set(entries.filter((e) => plan.states.get(e.job.id)?.state === "held").map((e) => e.failure.patternId));
  const outageNotes = input.retry.outages.filter((o) => held.has(o.cause)).map(outageNote);
  return {
    jobs: entries.map((e) => ({
      job: e.job,
      failure: e.failure,
      finalClass: e.finalClass,
      knownProblem: e.knownProblem,
      retry: plan.states.get(e.job.id) ?? null,
      attempts: attemptsOf(e.job, input.jobs),
    })),
    notes: [...plan.notes, ...outageNotes],
    plan: plan.actions,
  };
}
