// The few payload fields Sift needs, per event. Anything else in a payload is ignored, so that new
// GitHub fields never break ingestion; a missing needed field rejects the delivery with its path.
import { z } from "zod";

const id = z.number().int().positive();
const text = z.string().min(1);
const optionalText = z.string().nullish();
const sha = z.string().regex(/^[0-9a-f]{40}$/, "a 40-character hex SHA");

export const installationRef = z.object({ id });

export const repositoryRef = z.object({
  id,
  name: text,
  owner: z.object({ login: text }),
  private: z.boolean().default(false),
  default_branch: z.string().optional(),
});

const prRefs = z.array(z.object({ number: z.number().int().positive() })).default([]);

const base = { installation: installationRef, repository: repositoryRef };

export const workflowJobPayload = z.object({
  ...base,
  workflow_job: z.object({
    id,
    run_id: id,
    run_attempt: z.number().int().positive().default(1),
    head_sha: sha,
    head_branch: optionalText,
    name: text,
    workflow_name: optionalText,
    status: text,
    conclusion: optionalText,
    started_at: optionalText,
    completed_at: optionalText,
    html_url: optionalText,
    runner_name: optionalText,
    labels: z.array(z.string()).default([]),
    steps: z.array(z.unknown()).default([]),
  }),
});

export const checkRunPayload = z.object({
  ...base,
  check_run: z.object({
    id,
    name: text,
    head_sha: sha,
    status: text,
    conclusion: optionalText,
    started_at: optionalText,
    completed_at: optionalText,
    html_url: optionalText,
    details_url: optionalText,
    app: z.object({ id, slug: z.string().optional() }).nullish(),
    check_suite: z.object({ head_branch: optionalText }).nullish(),
    pull_requests: prRefs,
  }),
});

export const statusPayload = z.object({
  ...base,
  sha,
  context: text,
  state: z.enum(["pending", "success", "failure", "error"]),
  target_url: optionalText,
  created_at: optionalText,
  updated_at: optionalText,
  branches: z.array(z.object({ name: z.string() })).default([]),
});

/** pull_request, workflow_run and check_suite all tell which PRs and branch a head SHA belongs to. */
export const pullRequestPayload = z.object({
  ...base,
  number: z.number().int().positive(),
  pull_request: z.object({
    head: z.object({ sha, ref: text }),
    base: z.object({ sha, ref: text }),
  }),
});

export const workflowRunPayload = z.object({
  ...base,
  workflow_run: z.object({ head_sha: sha, head_branch: optionalText, pull_requests: prRefs }),
});

export const checkSuitePayload = z.object({
  ...base,
  check_suite: z.object({ head_sha: sha, head_branch: optionalText, pull_requests: prRefs }),
});

const installedRepo = z.object({ id, name: text, full_name: text, private: z.boolean().default(false) });

export const installationPayload = z.object({
  action: text,
  installation: z.object({ id, account: z.object({ login: text, type: z.string().default("Organization") }) }),
  repositories: z.array(installedRepo).default([]),
});

export const installationRepositoriesPayload = z.object({
  action: text,
  installation: z.object({ id, account: z.object({ login: text, type: z.string().default("Organization") }) }),
  repositories_added: z.array(installedRepo).default([]),
  repositories_removed: z.array(installedRepo).default([]),
});

export type RepositoryRef = z.infer<typeof repositoryRef>;
export type InstalledRepo = z.infer<typeof installedRepo>;

/** "workflow_job.head_sha: a 40-character hex SHA; repository: required" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`)
    .join("; ");
}
