// Timeouts imposed by the CI platform rather than by a test: the job ran out of the platform's clock
// or went quiet. A genuine hang looks the same, so these re-run at most once (max_attempts 2).
// Credits: Taskcluster's "max run time exceeded" from mozilla/treeherder's log fixtures (MPL-2.0);
// "Build timed out" from nodejs/node-core-utils (MIT); GitLab's "execution took longer than" from its
// glci failure categories (MIT); GHA step timeouts from pytorch/test-infra's log classifier (BSD-3-Clause).
import type { PatternInput } from "../../model/config-schema.js";

const once = { max_attempts: 2 };

export const timeoutPatterns: PatternInput[] = [
  {
    id: "gha.job-timeout",
    regex: String.raw`The job (?:running on runner .+ )?has exceeded the maximum execution time of \d+(?: minutes|[hms\d]*)`,
    class: "flaky",
    category: "timeout",
    description: "The job hit its time limit (timeout-minutes or the platform's maximum).",
    retry: once,
    scope: "log",
  },
  {
    id: "gha.step-timeout",
    regex: String.raw`##\[error\]The action '?.*'? ?has timed out after \d+ minutes`,
    class: "flaky",
    category: "timeout",
    description: "A step hit its timeout-minutes.",
    retry: once,
    scope: "log",
  },
  {
    id: "taskcluster.max-run-time",
    regex: String.raw`\[taskcluster:error\] Task aborted - max run time exceeded`,
    class: "flaky",
    category: "timeout",
    description: "Taskcluster aborted the task at its maximum run time.",
    retry: once,
    scope: "log",
  },
  {
    id: "travis.no-output",
    regex: String.raw`No output has been received in the last \d+ ?m(?:in(?:utes)?|\d+s)?, this potentially indicates a stalled build`,
    class: "flaky",
    category: "timeout",
    description: "Travis CI stopped the job after a period without output.",
    retry: once,
    scope: "log",
  },
  {
    id: "circleci.no-output",
    regex: String.raw`Too long with no output \(exceeded [\dhms]+\): context deadline exceeded`,
    class: "flaky",
    category: "timeout",
    description: "CircleCI stopped the step after a period without output.",
    retry: once,
    scope: "log",
  },
  {
    id: "jenkins.build-timeout",
    regex: String.raw`Build timed out \(after \d+ minutes\)\. Marking the build as (?:failed|aborted)`,
    class: "flaky",
    category: "timeout",
    description: "Jenkins' build-timeout plugin stopped the build.",
    retry: once,
    scope: "log",
  },
  {
    id: "gitlab.job-timeout",
    regex: String.raw`ERROR: Job failed: execution took longer than [\dhms]+ seconds`,
    class: "flaky",
    category: "timeout",
    description: "GitLab Runner stopped the job at its timeout.",
    retry: once,
    scope: "log",
  },
  {
    // Azure Pipelines' job limit (timeoutInMinutes, or 60 minutes on a free private project).
    id: "azure.job-timeout",
    regex: String.raw`The job running on agent .+ ran longer than the maximum time of \d+ minutes|The job exceeded the maximum allowed time of [\d:]+ and was stopped`,
    class: "flaky",
    category: "timeout",
    description: "Azure Pipelines stopped the job at its time limit.",
    retry: once,
    scope: "log",
  },
  {
    // Travis CI's hard job limit (50 minutes on travis-ci.org); older workers misspelt "maxmimum".
    id: "travis.time-limit",
    regex: String.raw`The job exceeded the max(?:imum|mimum) time limit for jobs, and has been terminated`,
    class: "flaky",
    category: "timeout",
    description: "Travis CI stopped the job at its maximum run time.",
    retry: once,
    scope: "log",
  },
  {
    // After the timeouts: GitHub cancels the step when the job or step runs out of time, so a
    // timeout line names the cause and the cancellation that follows it is only the consequence.
    id: "gha.operation-canceled",
    regex: String.raw`##\[error\]The operation was canceled\.`,
    class: "flaky",
    category: "cancelled",
    description: "The job was cancelled before it finished (a timeout, a newer run or a person), not failed by a test.",
    retry: { max_attempts: 2 },
    scope: "log",
  },
];
