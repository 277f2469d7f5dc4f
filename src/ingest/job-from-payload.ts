// Payload → JobRecord, one function per provider. Pure: no I/O.
import type { z } from "zod";
import type { checkRunPayload, statusPayload, workflowJobPayload } from "./schemas.js";
import { toDate, type JobRecord } from "./job-record.js";

export function jobFromWorkflowJob(p: z.infer<typeof workflowJobPayload>): JobRecord {
  const j = p.workflow_job;
  return {
    provider: "actions",
    externalId: String(j.id),
    headSha: j.head_sha,
    name: j.name,
    workflowName: j.workflow_name ?? null,
    runId: String(j.run_id),
    runAttempt: j.run_attempt,
    status: j.status,
    conclusion: j.conclusion ?? null,
    startedAt: toDate(j.started_at),
    completedAt: toDate(j.completed_at),
    prNumbers: [],
    headBranch: j.head_branch ?? null,
    appSlug: "github-actions",
    checkRunId: String(j.id), // Actions' check run for a job has the job's id
    htmlUrl: j.html_url ?? null,
    logUrl: `/repos/${p.repository.owner.login}/${p.repository.name}/actions/jobs/${j.id}/logs`,
    runnerName: j.runner_name ?? null,
    labels: j.labels,
    steps: j.steps,
  };
}

export function jobFromCheckRun(p: z.infer<typeof checkRunPayload>): JobRecord {
  const c = p.check_run;
  return {
    provider: "check_run",
    externalId: String(c.id),
    headSha: c.head_sha,
    name: c.name,
    workflowName: null,
    runId: null,
    runAttempt: 1,
    status: c.status,
    conclusion: c.conclusion ?? null,
    startedAt: toDate(c.started_at),
    completedAt: toDate(c.completed_at),
    prNumbers: c.pull_requests.map((pr) => pr.number),
    headBranch: c.check_suite?.head_branch ?? null,
    appSlug: c.app?.slug ?? null,
    checkRunId: String(c.id),
    htmlUrl: c.html_url ?? null,
    logUrl: c.details_url ?? null,
    runnerName: null,
    labels: [],
    steps: null,
  };
}

/** A commit status has no job id: its context names the job, and a new state replaces the old. */
export function jobFromStatus(p: z.infer<typeof statusPayload>): JobRecord {
  const done = p.state !== "pending";
  const at = toDate(p.updated_at) ?? toDate(p.created_at);
  return {
    provider: "status",
    externalId: `${p.sha}/${p.context}`,
    headSha: p.sha,
    name: p.context,
    workflowName: null,
    runId: null,
    runAttempt: 1,
    status: done ? "completed" : "in_progress",
    conclusion: done ? p.state : null,
    startedAt: done ? null : at,
    completedAt: done ? at : null,
    prNumbers: [],
    headBranch: p.branches.length === 1 ? (p.branches[0]?.name ?? null) : null,
    appSlug: null,
    checkRunId: null,
    htmlUrl: p.target_url ?? null,
    logUrl: p.target_url ?? null,
    runnerName: null,
    labels: [],
    steps: null,
  };
}
