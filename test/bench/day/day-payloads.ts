// Payloads of the day replay, built when sent (from the real example payloads, as the e2e tests do).
import { INSTALLATION_ID, workflowJobPayload } from "../../helpers/payloads.js";
import { exampleOf } from "../../helpers/webhook-examples.js";
import type { PlannedDelivery, PlannedSha } from "./plan-day.js";

function repository(s: PlannedSha) {
  const r = exampleOf("workflow_run", "completed").repository;
  return { ...r, id: s.repoId, name: s.repo, full_name: `${s.owner}/${s.repo}`, owner: { ...r.owner, login: s.owner }, private: false, default_branch: "main" };
}

const branch = (s: PlannedSha) => `feature-${s.pr}`;
export const BASE_SHA = "b".repeat(40);

/** The payload of a delivery, stamped with the wall-clock time it is sent at. */
export function payloadOf(d: PlannedDelivery, now: Date): unknown {
  const s = d.sha;
  const k = d.kind;
  const installation = { id: INSTALLATION_ID, node_id: "x" };
  switch (k.type) {
    case "job": {
      const p = workflowJobPayload({ id: k.job.id, sha: s.sha, status: k.status, conclusion: k.conclusion, name: k.job.name, runId: k.job.runId, attempt: k.attempt, repo: { id: s.repoId, owner: s.owner, name: s.repo } });
      Object.assign(p.workflow_job, {
        head_branch: branch(s),
        workflow_name: "CI",
        started_at: k.status === "queued" ? null : new Date(now.getTime() - 60_000).toISOString(),
        completed_at: k.status === "completed" ? now.toISOString() : null,
      });
      return p;
    }
    case "run": {
      const p = exampleOf("workflow_run", k.action === "completed" ? "completed" : "requested");
      p.installation = installation;
      p.repository = repository(s);
      p.workflow_run = { ...p.workflow_run, id: s.runId, name: "CI", head_sha: s.sha, head_branch: branch(s), status: k.action === "completed" ? "completed" : "queued", pull_requests: [{ number: s.pr, head: { ref: branch(s), sha: s.sha }, base: { ref: "main", sha: BASE_SHA } }] };
      return p;
    }
    case "pull_request": {
      const p = exampleOf("pull_request", "opened");
      p.number = s.pr;
      p.installation = installation;
      p.repository = repository(s);
      p.pull_request = { ...p.pull_request, number: s.pr, head: { ...p.pull_request.head, sha: s.sha, ref: branch(s) }, base: { ...p.pull_request.base, sha: BASE_SHA, ref: "main" } };
      return p;
    }
    case "comment": {
      const p = exampleOf("issue_comment", "created");
      p.installation = installation;
      p.repository = repository(s);
      p.issue = { ...p.issue, number: s.pr, pull_request: { url: "x" } };
      p.comment = { ...p.comment, id: k.id, body: k.body, user: { ...p.comment.user, login: k.login, type: "User" } };
      return p;
    }
  }
}
