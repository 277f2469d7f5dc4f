// Repository contents (.github/sift.yml), issue comments and reactions.
import type { Routes } from "../context.js";
import { json, notFound } from "../http.js";

export const reposRoutes: Routes = {
  "GET /repos/:owner/:repo/contents/*": ({ state, req, res, params, url }) => {
    const ref = url.searchParams.get("ref");
    const text = (ref ? state.contents.get(`${params.owner}/${params.repo}@${ref}:${params.path}`) : undefined) ?? state.contents.get(`${params.owner}/${params.repo}:${params.path}`);
    if (text === undefined) return notFound(res);
    // The config plugin asks for the raw media type, and GitHub then sends the file itself.
    if (/\.raw\b/.test(req.headers.accept ?? "")) return void res.writeHead(200, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" }).end(text);
    json(res, 200, { type: "file", encoding: "base64", path: params.path, content: Buffer.from(text).toString("base64") });
  },
  "POST /repos/:owner/:repo/issues/:number/comments": ({ state, res, params, body }) => {
    const comment = { owner: params.owner!, repo: params.repo!, issue: Number(params.number), body: String((body as { body?: string }).body) };
    state.comments.push(comment);
    json(res, 201, { id: state.nextId++, body: comment.body });
  },
  "POST /repos/:owner/:repo/issues/comments/:id/reactions": ({ state, res, params, body }) => {
    const content = String((body as { content?: string }).content);
    state.reactions.push({ owner: params.owner!, repo: params.repo!, commentId: Number(params.id), content });
    json(res, 201, { id: state.nextId++, content });
  },
};
