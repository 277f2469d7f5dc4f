// Broken trunk: a failure the base branch already has is not the PR author's to fix. Compared by job
// name without its shard suffix, and by cause (same pattern, or same normalised signature).
import type { ClassifiedFailure, JobInfo, KnownProblem } from "../model/index.js";
import { isFailedConclusion } from "../model/index.js";
import type { TrunkHistory, TrunkJob } from "./history.js";
import { baseJobName } from "./job-name.js";

export type TrunkMatch = { kind: "known"; knownProblem: KnownProblem } | { kind: "no-baseline"; note: string } | { kind: "none" };

function sameCause(failure: ClassifiedFailure, other: TrunkJob): boolean {
  if (!isFailedConclusion(other.conclusion)) return false;
  // A pattern names a cause; Sift's own genuine ids (sift.genuine.test-failure…) only name a shape of
  // output, so two genuine failures are the same only when their signatures are.
  if (failure.patternId !== null && !failure.patternId.startsWith("sift.") && failure.patternId === other.patternId) return true;
  return failure.signature !== null && failure.signature === other.signature;
}

export function matchTrunk(job: JobInfo, failure: ClassifiedFailure, trunk: TrunkHistory | null): TrunkMatch {
  if (!trunk || !trunk.mergeBaseSha) return { kind: "none" };
  const name = baseJobName(job.name);
  const short = trunk.mergeBaseSha.slice(0, 7);
  const mergeBase = trunk.commits.find((c) => c.sha === trunk.mergeBaseSha);
  // Without a run on the merge base there is nothing to compare with: never blame trunk on a guess.
  if (!mergeBase || !mergeBase.jobs.some((j) => baseJobName(j.name) === name)) {
    return { kind: "no-baseline", note: `No baseline: this job did not run on ${trunk.branch} at ${short}, so Sift cannot tell whether ${trunk.branch} has the same failure.` };
  }
  const failing = trunk.commits.filter((c) => c.jobs.some((j) => baseJobName(j.name) === name && sameCause(failure, j)));
  if (failing.length === 0) return { kind: "none" };
  const first = failing.reduce((a, b) => (b.at < a.at ? b : a));
  return {
    kind: "known",
    knownProblem: {
      source: "trunk",
      description: `also failing on ${trunk.branch} since ${first.sha.slice(0, 7)}`,
      url: first.url,
      declaredBy: null,
      since: { sha: first.sha, at: first.at },
    },
  };
}
