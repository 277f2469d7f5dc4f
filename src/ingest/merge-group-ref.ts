// A merge queue's ref: refs/heads/gh-readonly-queue/{base}/pr-{number}-{sha}. Pure.

const QUEUE_REF = /^(?:refs\/heads\/)?(gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40})$/;

/** The branch name (without refs/heads/) and the PR number the group ends with, when the ref has GitHub's shape. */
export function parseMergeGroupRef(ref: string): { branch: string; prNumber: number | null } {
  const m = QUEUE_REF.exec(ref);
  if (!m) return { branch: ref.replace(/^refs\/heads\//, ""), prNumber: null };
  const n = Number(m[2]);
  return { branch: m[1]!, prNumber: Number.isSafeInteger(n) && n > 0 && n < 2 ** 31 ? n : null };
}

export function isMergeQueueBranch(branch: string | null | undefined): boolean {
  return typeof branch === "string" && branch.startsWith("gh-readonly-queue/");
}
