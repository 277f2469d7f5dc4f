// decide: the classified report of one head SHA + history → final classes, known problems, retry
// states, report notes and the re-run plan. Pure: the clock, history and regex engine come in as data.
import type { AnalysisReport } from "../model/index.js";
import { isActiveDeclaration } from "./declarations.js";
import type { History } from "./history.js";
import type { RegexTest } from "./known-problem-issues.js";
import { resolveKnownProblem } from "./known-problem.js";
import { outageNote } from "./outages.js";
import { planRetries, type RetryContext } from "./plan-retries.js";

export interface DecideInput {
  now: Date;
  /** Failed jobs (latest attempt each) with the classifier's verdicts. */
  report: AnalysisReport;
  history: History;
  retry: RetryContext;
  regexTest?: RegexTest | undefined;
}

export function decide(input: DecideInput): AnalysisReport {
  const { report } = input;
  const declarations = input.history.declarations.filter((d) => isActiveDeclaration(d, report.prNumbers, input.now));
  const repoFullName = `${report.repo.owner}/${report.repo.name}`;
  const ctx = { history: input.history, declarations, repoFullName, regexTest: input.regexTest };
  const entries = report.jobs.map((r) => {
    const kp = resolveKnownProblem(r.job, r.failure, ctx);
    const failure = kp.notes.length ? { ...r.failure, notes: [...r.failure.notes, ...kp.notes] } : r.failure;
    return { ...r, failure, finalClass: kp.finalClass, knownProblem: kp.knownProblem };
  });
  const plan = planRetries(entries, entries.map((e) => e.job), input.retry, input.now);
  const heldCauses = new Set(entries.filter((e) => plan.states.get(e.job.id)?.state === "held").map((e) => e.failure.patternId));
  const outageNotes = input.retry.outages.filter((o) => heldCauses.has(o.cause)).map(outageNote);
  return {
    ...report,
    jobs: entries.map((e) => ({ ...e, retry: plan.states.get(e.job.id) ?? null })),
    notes: [...report.notes, ...plan.notes, ...outageNotes],
    retryPlan: plan.actions,
  };
}
