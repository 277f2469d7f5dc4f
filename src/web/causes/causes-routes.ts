// The causes pages and their API:
//   GET /r/:owner/:repo/causes              as the repository history page: public, the repository's
//                                           page token, or a signed-in reader who can read it
//   GET /o/:owner/causes                    a signed-in reader (else a redirect to sign in), over the
//                                           organisation's repositories they can read
//   GET /api/v1/repos/:owner/:repo/causes   JSON; a signed-in reader (else 401)
//   GET /api/v1/orgs/:owner/causes          JSON; a signed-in reader (else 401)
// `?days=7|30|90` (30 by default). Anything unknown or unreadable is a plain 404.
import type { ServerResponse } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { causeWindow, loadCauses, type CausesData } from "./causes-data.js";
import { causesJson } from "./causes-json.js";
import { renderCausesPage } from "./causes-view.js";
import { findRepository } from "../details-data.js";
import { wantsJson } from "../details-json.js";
import type { WebDeps } from "../web-deps.js";
import { html } from "../html.js";
import { ownerRollup } from "./org-causes-scope.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { pageToken, verifyRepoPageToken } from "../page-token.js";
import { nobodySignedIn, readable, signInPath, type Reader, type RepoRef } from "../reader.js";
import type { Router } from "../router.js";
import { detailsPath, repoPath } from "../urls.js";
import type { Views } from "../views.js";

export const REPO_CAUSES_ROUTE = "/r/:owner/:repo/causes";
export const ORG_CAUSES_ROUTE = "/o/:owner/causes";
export const API_REPO_CAUSES_ROUTE = "/api/v1/repos/:owner/:repo/causes";
export const API_ORG_CAUSES_ROUTE = "/api/v1/orgs/:owner/causes";

const OWNER = /^[A-Za-z0-9_.-]{1,100}$/;

export function addCausesRoutes(router: Router, deps: WebDeps & { views: Views }): void {
  const now = deps.now ?? (() => new Date());
  const readerOf = deps.readerOf ?? nobodySignedIn;
  const headers = pageHeaders(deps.views.cssHash);
  const json = (res: ServerResponse, status: number, body: unknown) => sendPage(res, status, `${JSON.stringify(body)}\n`, "application/json", headers);
  const notFound = (res: ServerResponse, asJson: boolean) => (asJson ? json(res, 404, { error: "not found" }) : sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers));
  const commitHref = (repo: RepoRef, sha: string) =>
    `${deps.settings.publicUrl}${detailsPath(repo.owner, repo.name, sha, repo.private ? pageToken(deps.settings.pageSecret, repo.owner, repo.name, sha) : undefined)}`;

  router.get(REPO_CAUSES_ROUTE, async (req, res, params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
    const token = url.searchParams.get("token");
    const tokenOk = repo !== null && verifyRepoPageToken(deps.settings.pageSecret, repo.owner, repo.name, token);
    if (!repo || !(await mayRead(repo, tokenOk, () => readerOf(req)))) return notFound(res, asJson);
    const days = causeWindow(url.searchParams.get("days"));
    const data = await loadCauses(deps.prisma, [repo], now(), days);
    if (asJson) return json(res, 200, causesJson({ repository: `${repo.owner}/${repo.name}` }, data));
    const base = `${deps.settings.publicUrl}${repoPath(repo.owner, repo.name)}/causes`;
    const query = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(tokenOk && token ? { token } : {}), ...extra }).toString()}`;
    const history = `${deps.settings.publicUrl}${repoPath(repo.owner, repo.name, tokenOk && token ? token : undefined)}`;
    sendPage(res, 200, renderCausesPage(deps.views, data, {
      scope: `${repo.owner}/${repo.name}`, org: false,
      crumbs: html`<a href="${deps.settings.githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}">${repo.owner}/${repo.name}</a> · <a href="${history}">history</a>`,
      windowHref: (d) => `${base}${query({ days: String(d) })}`, jsonUrl: `${base}${query({ days: String(days), format: "json" })}`, commitHref,
    }), "text/html; charset=utf-8", headers);
  });

  router.get(ORG_CAUSES_ROUTE, async (req, res, params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const reader = await readerOf(req);
    if (!reader) {
      if (asJson) return json(res, 401, { error: "sign in required", signIn: signInPath(req.url ?? "/") });
      res.writeHead(302, { location: signInPath(req.url ?? "/"), "cache-control": "no-store" });
      return void res.end();
    }
    const org = await orgCauses(deps.prisma, reader, params.owner ?? "", url, now());
    if (!org) return notFound(res, asJson);
    if (asJson) return json(res, 200, causesJson({ organisation: org.owner }, org.data));
    const base = `${deps.settings.publicUrl}/o/${encodeURIComponent(org.owner)}/causes`;
    sendPage(res, 200, renderCausesPage(deps.views, org.data, {
      scope: org.owner, org: true, crumbs: html`<a href="${deps.settings.githubWebUrl}/${encodeURIComponent(org.owner)}">${org.owner}</a>`,
      windowHref: (d) => `${base}?days=${d}`, jsonUrl: `${base}?days=${org.data.days}&format=json`, commitHref,
    }), "text/html; charset=utf-8", headers);
  });

  router.get(API_REPO_CAUSES_ROUTE, async (req, res, params, url) => {
    const reader = await readerOf(req);
    if (!reader) return json(res, 401, { error: "sign in required" });
    const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
    if (!repo || !(await mayRead(repo, false, async () => reader))) return notFound(res, true);
    const data = await loadCauses(deps.prisma, [repo], now(), causeWindow(url.searchParams.get("days")));
    json(res, 200, causesJson({ repository: `${repo.owner}/${repo.name}` }, data));
  });

  router.get(API_ORG_CAUSES_ROUTE, async (req, res, params, url) => {
    const reader = await readerOf(req);
    if (!reader) return json(res, 401, { error: "sign in required" });
    const org = await orgCauses(deps.prisma, reader, params.owner ?? "", url, now());
    if (!org) return notFound(res, true);
    json(res, 200, causesJson({ organisation: org.owner }, org.data));
  });
}

async function mayRead(repo: RepoRef, tokenOk: boolean, reader: () => Promise<Reader | null>): Promise<boolean> {
  if (!repo.private || tokenOk) return true;
  const who = await reader();
  return who !== null && (await who.canRead(repo));
}

/** The organisation's repositories this reader can read, and their causes; null when there are none. */
async function orgCauses(prisma: PrismaClient, reader: Reader, owner: string, url: URL, now: Date): Promise<{ owner: string; data: CausesData } | null> {
  if (!OWNER.test(owner)) return null;
  // Prisma's case-insensitive equals is ILIKE (`_` and `%` match anything): the exact check follows.
  const candidates = await prisma.repository.findMany({ where: { owner: { equals: owner, mode: "insensitive" } }, select: { id: true, owner: true, name: true, private: true } });
  const all = candidates.filter((r) => r.owner.toLowerCase() === owner.toLowerCase());
  const repos = await readable(reader, all);
  if (repos.length === 0) return null;
  const rollup = await ownerRollup(prisma, owner, all, repos);
  return { owner: repos[0]!.owner, data: await loadCauses(prisma, repos, now, causeWindow(url.searchParams.get("days")), rollup) };
}

