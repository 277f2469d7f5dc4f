// decide: the classified report of one head SHA + history → final classes, known problems, flaky-test
// evidence, confidence, retry states, report notes and the re-run plan. Pure: the clock, history and
// regex engine come in as data.
import type { AnalysisReport, EvidenceSentence, JobReport } from "../model/index.js";
import { promoteHint } from "./demotion.js";
import { confidenceOf } from "./confidence.js";
import { isActiveDeclaration } from "./declarations.js";
import { defaultEvidencePolicy, evidenceContext, flakyTestProblems, judgeEvidence, type EvidenceContext, type EvidencePolicy } from "./flaky-evidence.js";
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
  /** evidence.* and flaky_tests of the repo's configuration (defaults when absent). */
  evidence?: EvidencePolicy | undefined;
  /** e.g. https://github.com, for links to commits. */
  githubWebUrl?: string | undefined;
}

type Entry = JobReport & { contested: boolean; needsFiles: boolean };

function judged(input: DecideInput, ev: EvidenceContext): Entry[] {
  const { report } = input;
  const declarations = input.history.declarations.filter((d) => isActiveDeclaration(d, report.prNumbers, input.now));
  const repoFullName = `${report.repo.owner}/${report.repo.name}`;
  const ctx = { history: input.history, declarations, repoFullName, regexTest: input.regexTest };
  return report.jobs.map((r) => {
    const kp = resolveKnownProblem(r.job, r.failure, ctx);
    const failure = kp.notes.length ? { ...r.failure, notes: [...r.failure.notes, ...kp.notes] } : r.failure;
    const entry = { ...r, failure, finalClass: kp.finalClass, knownProblem: kp.knownProblem, evidence: [], contested: false, needsFiles: false };
    if (kp.finalClass !== "genuine" || r.failure.class !== "genuine" || kp.owned) return entry;
    const outcome = judgeEvidence(r.job, failure, ev);
    if (outcome.kind === "flaky") return { ...entry, failure: outcome.failure, finalClass: "flaky" as const, evidence: outcome.evidence };
    if (outcome.kind === "needs-files") {
      const why = "Sift did not check whether this pull request changes the failing tests' files, so the failure counts as genuine.";
      return { ...entry, evidence: [...outcome.evidence, { text: why, links: [] }], contested: true, needsFiles: true };
    }
    return { ...entry, evidence: outcome.evidence, contested: outcome.contested === true };
  });
}

/** A flaky failure its demoted pattern did not re-run: the details page says why, and how to undo it. */
function withDemotion(e: JobReport, retry: JobReport["retry"], ctx: RetryContext): EvidenceSentence[] | undefined {
  const demotion = e.failure.patternId === null ? undefined : ctx.demoted?.get(e.failure.patternId);
  if (!demotion || retry?.reason !== demotion.reason) return e.evidence;
  return [...(e.evidence ?? []), { text: `${demotion.reason}. ${promoteHint(demotion.patternId)}`, links: [] }];
}

function contextOf(input: DecideInput): EvidenceContext {
  const repoWebUrl = `${input.githubWebUrl ?? "https://github.com"}/${input.report.repo.owner}/${input.report.repo.name}`;
  return evidenceContext(input.evidence ?? defaultEvidencePolicy, input.history, repoWebUrl);
}

/** Whether flaky-test evidence would clear a failure if the pull request does not change its tests' files. */
export function needsChangedFiles(input: DecideInput): boolean {
  if (input.history.changedFiles !== undefined) return false;
  return judged(input, contextOf(input)).some((e) => e.needsFiles);
}

export function decide(input: DecideInput): AnalysisReport {
  const { report } = input;
  const ev = contextOf(input);
  const entries = judged(input, ev);
  const plan = planRetries(entries, entries.map((e) => e.job), input.retry, input.now);
  const heldCauses = new Set(entries.filter((e) => plan.states.get(e.job.id)?.state === "held").map((e) => e.failure.patternId));
  const outageNotes = input.retry.outages.filter((o) => heldCauses.has(o.cause)).map(outageNote);
  return {
    ...report,
    jobs: entries.map(({ contested, needsFiles: _, ...e }) => {
      const retry = plan.states.get(e.job.id) ?? null;
      return { ...e, evidence: withDemotion(e, retry, input.retry), retry, confidence: confidenceOf({ ...e, contested }) };
    }),
    configProblems: [...report.configProblems, ...flakyTestProblems(ev)],
    notes: [...report.notes, ...plan.notes, ...outageNotes],
    retryPlan: plan.actions,
  };
}
