// The few payload fields Sift needs, per event. Anything else in a payload is ignored, so that new
// GitHub fields never break ingestion; a missing needed field rejects the delivery with its path.
import { z } from "zod";

const id = z.number().int().positive();
const sha = z.string().regex(/^[0-9a-f]{40}$/, "a 40-character hex SHA");

/** Names are indexed, and a PostgreSQL index row holds about 2,700 bytes (500 characters of UTF-8 fit). */
export const MAX_NAME_CHARS = 500;
const MAX_URL_CHARS = 2000;

/** Text PostgreSQL can store: NUL bytes dropped (text and jsonb refuse them), cut to `max` characters with "…". */
export function storableText(value: string, max: number): string {
  const clean = value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** JSON (job steps, kept as jsonb) with every string and key storable, lists and depth bounded. */
function storableJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return storableText(value, MAX_URL_CHARS);
  if (value === null || typeof value !== "object") return value;
  if (depth >= 6) return null;
  if (Array.isArray(value)) return value.slice(0, 1000).map((v) => storableJson(v, depth + 1));
  return Object.fromEntries(Object.entries(value).slice(0, 100).map(([k, v]) => [storableText(k, 100), storableJson(v, depth + 1)]));
}

const storable = (max: number) => z.string().transform((v) => storableText(v, max));
const text = storable(MAX_NAME_CHARS).pipe(z.string().min(1));
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (typeof v === "string" ? storableText(v, MAX_NAME_CHARS) : v));
const optionalUrl = z
  .string()
  .nullish()
  .transform((v) => (typeof v === "string" ? storableText(v, MAX_URL_CHARS) : v));

export const installationRef = z.object({ id });

export const repositoryRef = z.object({
  id,
  name: text,
  owner: z.object({ login: text }),
  private: z.boolean().default(false),
  default_branch: storable(MAX_NAME_CHARS).optional(),
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
    html_url: optionalUrl,
    runner_name: optionalText,
    labels: z
      .array(storable(MAX_NAME_CHARS))
      .default([])
      .transform((l) => l.slice(0, 100)),
    steps: z
      .array(z.unknown())
      .default([])
      .transform((steps) => storableJson(steps) as unknown[]),
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
    html_url: optionalUrl,
    details_url: optionalUrl,
    app: z.object({ id, slug: storable(MAX_NAME_CHARS).optional() }).nullish(),
    check_suite: z.object({ head_branch: optionalText }).nullish(),
    pull_requests: prRefs,
  }),
});

export const statusPayload = z.object({
  ...base,
  sha,
  context: text,
  state: z.enum(["pending", "success", "failure", "error"]),
  target_url: optionalUrl,
  created_at: optionalText,
  updated_at: optionalText,
  branches: z.array(z.object({ name: storable(MAX_NAME_CHARS) })).default([]),
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

/** merge_group: a queue's temporary merge commit (checks_requested), and its end (destroyed, with why). */
export const mergeGroupPayload = z.object({
  ...base,
  action: text,
  reason: optionalText,
  merge_group: z.object({ head_sha: sha, head_ref: text, base_sha: sha.nullish(), base_ref: optionalText }),
});

const installedRepo = z.object({ id, name: text, full_name: text, private: z.boolean().default(false) });
const installation = z.object({ id, account: z.object({ login: text, type: storable(100).default("Organization") }) });

export const installationPayload = z.object({
  action: text,
  installation,
  repositories: z.array(installedRepo).default([]),
});

export const installationRepositoriesPayload = z.object({
  action: text,
  installation,
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
