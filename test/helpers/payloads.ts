// Real example payloads, trimmed to one behaviour each by small builders (deep-copied by exampleOf).
import { exampleOf } from "./webhook-examples.js";

export const INSTALLATION_ID = 100;
export const REPO = { id: 5001, owner: "octo-org", name: "octo-repo" };

function repository() {
  const repo = exampleOf("workflow_job", "completed").repository;
  return { ...repo, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...repo.owner, login: REPO.owner }, private: false };
}

export interface JobOptions {
  id: number;
  sha: string;
  conclusion?: string | null;
  status?: string;
  name?: string;
  runId?: number;
  attempt?: number;
  repo?: { id: number; owner: string; name: string };
  installationId?: number;
}

/** A `workflow_job` delivery (from the example "completed" payload). */
export function workflowJobPayload(o: JobOptions) {
  const p = exampleOf("workflow_job", "completed");
  const status = o.status ?? "completed";
  const r = o.repo ?? REPO;
  p.installation = { id: o.installationId ?? INSTALLATION_ID, node_id: "x" };
  p.repository = { ...repository(), id: r.id, name: r.name, full_name: `${r.owner}/${r.name}`, owner: { login: r.owner } };
  p.action = status;
  Object.assign(p.workflow_job, {
    id: o.id,
    run_id: o.runId ?? 9000,
    run_attempt: o.attempt ?? 1,
    head_sha: o.sha,
    name: o.name ?? `job-${o.id}`,
    status,
    conclusion: status === "completed" ? (o.conclusion === undefined ? "failure" : o.conclusion) : null,
    html_url: `https://github.com/${r.owner}/${r.name}/actions/runs/${o.runId ?? 9000}/job/${o.id}`,
  });
  return p;
}

/** A `check_run` delivery of another CI app (from the example "completed" payload). */
export function checkRunPayload(o: { id: number; sha: string; conclusion?: string; appId?: number; appSlug?: string; action?: string }) {
  const p = exampleOf("check_run", "completed");
  p.action = o.action ?? "completed";
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = repository();
  Object.assign(p.check_run, {
    id: o.id,
    head_sha: o.sha,
    status: "completed",
    conclusion: o.conclusion ?? "failure",
    name: `buildkite/${o.id}`,
    app: { ...p.check_run.app, id: o.appId ?? 777, slug: o.appSlug ?? "buildkite" },
  });
  return p;
}

/** A `status` delivery (from the example payload). */
export function statusPayload(o: { sha: string; state: string; context?: string; targetUrl?: string; updatedAt?: string }) {
  const p = exampleOf("status");
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = repository();
  Object.assign(p, { sha: o.sha, state: o.state, context: o.context ?? "ci/jenkins", target_url: o.targetUrl ?? "https://jenkins.example/job/1/" });
  if (o.updatedAt) Object.assign(p, { updated_at: o.updatedAt, created_at: o.updatedAt });
  return p;
}

export function sha(n: number): string {
  return n.toString(16).padStart(40, "a");
}
