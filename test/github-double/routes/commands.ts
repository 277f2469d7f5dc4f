// Endpoints Sift's re-runs and slash commands use: collaborator permissions, pull requests, compare,
// check-run rerequest, commit comments and their reactions. Seed `state.permissions`, `state.pulls`
// and `state.pullFiles`.
import type { Routes } from "../context.js";
import { json, notFound } from "../http.js";

export const commandsRoutes: Routes = {
  "GET /repos/:owner/:repo/collaborators/:user/permission": ({ state, res, params }) => {
    const permission = state.permissions.get(params.user!) ?? "none";
    // GitHub's legacy field folds maintain into write and triage into read; role_name keeps them.
    const legacy = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
    json(res, 200, { permission: legacy, role_name: permission, user: { login: params.user } });
  },
  "GET /repos/:owner/:repo/pulls/:number": ({ state, res, params }) => {
    const pr = state.pulls.get(Number(params.number));
    if (!pr) return notFound(res);
    json(res, 200, { number: pr.number, body: pr.body, head: { sha: pr.headSha, ref: pr.headRef }, base: { ref: pr.baseRef, sha: pr.baseSha } });
  },
  "GET /repos/:owner/:repo/pulls/:number/files": ({ state, res, params, url }) => {
    const files = state.pullFiles.get(Number(params.number));
    if (!files) return notFound(res);
    const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? 30));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    json(res, 200, files.slice((page - 1) * perPage, page * perPage).map((filename) => ({ filename, status: "modified", additions: 1, deletions: 1, changes: 2 })));
  },
  "GET /repos/:owner/:repo/compare/:basehead": ({ state, res, params }) => {
    const [, head = ""] = params.basehead!.split("...");
    json(res, 200, { status: state.defaultBranchShas.has(head) ? "behind" : "ahead" });
  },
  "POST /repos/:owner/:repo/check-runs/:id/rerequest": ({ state, res, params }) => {
    state.reruns.push({ owner: params.owner!, repo: params.repo!, kind: "rerequest", id: Number(params.id) });
    json(res, 201, {});
  },
  "POST /repos/:owner/:repo/commits/:sha/comments": ({ state, res, params, body }) => {
    const comment = { owner: params.owner!, repo: params.repo!, sha: params.sha!, body: String((body as { body?: string }).body) };
    state.commitComments.push(comment);
    json(res, 201, { id: state.nextId++, body: comment.body });
  },
  "POST /repos/:owner/:repo/comments/:id/reactions": ({ state, res, params, body }) => {
    const content = String((body as { content?: string }).content);
    state.reactions.push({ owner: params.owner!, repo: params.repo!, commentId: Number(params.id), content });
    json(res, 201, { id: state.nextId++, content });
  },
};
