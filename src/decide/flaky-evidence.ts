// Flaky by evidence: a genuine failure whose every failing test (or, without test ids, whose failure)
// failed and then passed on a re-run at the same commit on at least evidence.min_flips commits in the
// last evidence.window_days days, or is declared flaky (`flaky_tests:` globs, `sift:flaky-test`
// issues), is flaky — unless it fails on the default branch right now (broken trunk) or the pull
// request changes the test's file (the PR may be the cause). Anything Sift cannot check stays genuine,
// and the evidence says why. PURE.
import type { ClassifiedFailure, EvidenceSentence, JobInfo } from "../model/index.js";
import { flakyTestMatcher, MAX_FAILING_TESTS, type DeclaredMatch, type FlakyTestMatcher } from "../classify/index.js";
import { isFailedConclusion } from "../model/index.js";
import { changedTestFile } from "./changed-files.js";
import { declaredSentence, flipSentence, flipsPerCommit, sentence } from "./evidence-sentences.js";
import type { FlakyTestIssue, Flip, History, TrunkHistory } from "./history.js";
import { baseJobName } from "./job-name.js";
import { sameTest, type TestRef } from "../classify/failing-test-key.js";

export interface EvidencePolicy {
  /** false: flips are not looked at (declared flaky tests still count). */
  enabled: boolean;
  minFlips: number;
  windowDays: number;
  /** `flaky_tests:` globs of .github/sift.yml. */
  flakyTests: string[];
}

export const defaultEvidencePolicy: EvidencePolicy = { enabled: true, minFlips: 2, windowDays: 30, flakyTests: [] };

/** Pattern ids of failures made flaky here (category `flaky-test`). */
export const EVIDENCE_PATTERN = "sift.evidence.flaky-test";
export const DECLARED_PATTERN = "sift.declared.flaky-test";

/** Decisive lines that are a test's failure: anything else (a compile error) stays genuine. */
const TEST_DECISIVE = new Set(["test-failure", "test-timeout"]);

export interface EvidenceContext {
  policy: EvidencePolicy;
  matcher: FlakyTestMatcher;
  issues: FlakyTestIssue[];
  history: History;
  repoWebUrl: string;
}

export type EvidenceOutcome =
  /** `contested`: some flips or a declaration, yet not enough (or overruled) to make it flaky. */
  | { kind: "genuine"; evidence: EvidenceSentence[]; contested?: boolean }
  | { kind: "flaky"; failure: ClassifiedFailure; evidence: EvidenceSentence[] }
  /** Flaky unless the pull request changes a failing test's file: the caller must fetch its files. */
  | { kind: "needs-files"; evidence: EvidenceSentence[] };

interface Subject {
  name: string;
  test?: TestRef;
  flips: Flip[];
  declared: DeclaredMatch | null;
}

export function evidenceContext(policy: EvidencePolicy, history: History, repoWebUrl: string): EvidenceContext {
  const issues = history.flakyTestIssues ?? [];
  return { policy, matcher: flakyTestMatcher(policy.flakyTests, issues.flatMap((i) => i.testIds)), issues, history, repoWebUrl };
}

/** What Sift looks up flips for: the failing tests, or the failure's signature when it names no test. */
export function evidenceSubjects(failure: ClassifiedFailure): { tests: TestRef[] } | { signature: string } | null {
  if (failure.class !== "genuine" || failure.patternId === null) return null;
  const tests = failure.tests ?? [];
  if (tests.length > 0) return tests.length < MAX_FAILING_TESTS && TEST_DECISIVE.has(failure.category ?? "") ? { tests } : null;
  if (failure.signature === null || failure.line === null || failure.patternId === "sift.genuine.unknown") return null;
  return { signature: failure.signature };
}

function subjectsOf(job: JobInfo, failure: ClassifiedFailure, ctx: EvidenceContext): Subject[] {
  const wanted = evidenceSubjects(failure);
  if (!wanted) return [];
  const ev = ctx.history.flakyEvidence;
  const useFlips = ctx.policy.enabled && ev !== undefined && ev.error === undefined;
  if ("signature" in wanted) {
    const name = baseJobName(job.name);
    const flips = useFlips ? ev.signatures.filter((s) => s.signature === wanted.signature && baseJobName(s.jobName) === name).map((s) => s.flip) : [];
    return [{ name: "The same failure of this job", flips, declared: null }];
  }
  return wanted.tests.map((test) => ({
    name: `Test "${test.id}"`,
    test,
    flips: useFlips ? ev.tests.filter((t) => sameTest(test, t)).map((t) => t.flip) : [],
    declared: ctx.matcher.match({ id: test.id, ...(test.file ? { file: test.file } : {}) }),
  }));
}

/** The default branch's newest run of this job fails with the same test: broken trunk, not flaky. */
function failingOnTrunk(job: JobInfo, test: TestRef, trunk: TrunkHistory | null): { sha: string; url: string | null } | null {
  if (!trunk) return null;
  const name = baseJobName(job.name);
  for (const commit of trunk.commits) {
    const ran = commit.jobs.filter((j) => baseJobName(j.name) === name);
    if (ran.length === 0) continue;
    const failing = ran.some((j) => isFailedConclusion(j.conclusion) && (j.tests ?? []).some((t) => sameTest(test, t)));
    return failing ? { sha: commit.sha, url: commit.url } : null;
  }
  return null;
}

export function judgeEvidence(job: JobInfo, failure: ClassifiedFailure, ctx: EvidenceContext): EvidenceOutcome {
  const { policy, history } = ctx;
  const evidence: EvidenceSentence[] = (failure.flakyReports ?? []).map((r) => sentence(`In this job the test runner re-tried "${r.id}" until it passed (${r.how}); that counts as evidence the next time it fails.`));
  const subjects = subjectsOf(job, failure, ctx);
  if (subjects.length === 0) return { kind: "genuine", evidence };

  const flaky = (s: Subject) => s.declared !== null || flipsPerCommit(s.flips).length >= policy.minFlips;
  for (const s of subjects) {
    if (s.declared) evidence.push(declaredSentence(s.name, s.declared, ctx.issues));
    if (s.flips.length > 0) evidence.push(flipSentence(s.name, s.flips, policy.windowDays, ctx.repoWebUrl, flaky(s) ? undefined : policy.minFlips));
  }
  const error = history.flakyEvidence?.error;
  const contested = subjects.some((s) => s.declared !== null || s.flips.length > 0);
  if (!subjects.every(flaky)) {
    if (error !== undefined && policy.enabled) evidence.push(sentence(`Sift could not look up re-runs of these tests (${error}), so the failure counts as genuine.`));
    return { kind: "genuine", evidence, contested };
  }

  for (const s of subjects) {
    const onTrunk = s.test ? failingOnTrunk(job, s.test, history.trunk) : null;
    if (onTrunk) {
      const branch = history.trunk?.branch ?? "the default branch";
      evidence.push(sentence(`${s.name} is failing on ${branch} right now (${onTrunk.sha.slice(0, 7)}): that is broken trunk, not a flaky test, so the failure counts as genuine.`, onTrunk.url ? [{ label: onTrunk.sha.slice(0, 7), url: onTrunk.url }] : []));
      return { kind: "genuine", evidence, contested };
    }
  }

  const tests = subjects.flatMap((s) => (s.test ? [s.test] : []));
  const files = history.changedFiles;
  if (tests.length > 0 && files?.kind !== "not-needed") {
    if (files === undefined) return { kind: "needs-files", evidence };
    if (files.kind === "unknown") {
      evidence.push(sentence(`Sift could not check whether this pull request changes the failing tests' files (${files.reason}), so the failure counts as genuine.`));
      return { kind: "genuine", evidence, contested };
    }
    for (const s of subjects) {
      const changed = s.test ? changedTestFile(s.test, files.files) : null;
      if (changed) {
        evidence.push(sentence(`This pull request changes ${changed}, the file of ${s.name.charAt(0).toLowerCase()}${s.name.slice(1)}: the change may be what makes it fail, so the failure counts as genuine.`));
        return { kind: "genuine", evidence, contested };
      }
    }
  }

  const byFlips = subjects.some((s) => flipsPerCommit(s.flips).length >= policy.minFlips);
  const what = subjects.length === 1 ? (subjects[0] as Subject).name : `Every failing test (${subjects.length})`;
  return {
    kind: "flaky",
    evidence,
    failure: {
      ...failure,
      class: "flaky",
      patternId: byFlips ? EVIDENCE_PATTERN : DECLARED_PATTERN,
      category: "flaky-test",
      reason: byFlips ? `${what} is flaky by evidence: it passed when re-run at the same commit.` : `${what} is declared flaky.`,
      retry: { enabled: true },
    },
  };
}

/** Flaky-test globs that cannot be used, as configuration problems for the report. */
export function flakyTestProblems(ctx: EvidenceContext): { file: string; path: string; message: string }[] {
  return ctx.matcher.problems.map((p) => ({ file: ".github/sift.yml", path: `flaky_tests[${ctx.policy.flakyTests.indexOf(p.glob)}]`, message: `${p.reason}; this glob is ignored` }));
}
