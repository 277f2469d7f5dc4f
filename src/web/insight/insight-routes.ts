// The main-branch health, impact and durations pages of a repository (HTML, or JSON with
// ?format=json / Accept), the owner's health page, and the same figures under /api/v1 for a
// signed-in reader. Who may see what: insight-access.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { wantsJson } from "../details-json.js";
import type { WebDeps } from "../web-deps.js";
import { loadDurations, loadStepDurations } from "./durations-data.js";
import { renderDurationsPage } from "./durations-view.js";
import { loadImpact } from "./impact-data.js";
import { renderImpactPage } from "./impact-view.js";
import { apiReader, apiRepo, orgReader, orgRepos, pageRepo } from "./insight-access.js";
import { durationsJson, impactJson } from "./insight-json.js";
import { repoLinks, type InsightPage } from "./insight-links.js";
import { loadMainHealth, type HealthRepo } from "./main-health-data.js";
import { healthJson, orgHealthJson } from "./main-health-json.js";
import { renderHealthPage, renderOrgHealthPage } from "./main-health-view.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import type { Router } from "../router.js";
import type { Views } from "../views.js";

type Deps = WebDeps & { views: Views };
type Answer = { json: unknown; html: () => string };

export function addInsightRoutes(router: Router, deps: Deps): void {
  const now = deps.now ?? (() => new Date());
  const headers = pageHeaders(deps.views.cssHash);
  const json = (res: ServerResponse, body: unknown) => sendPage(res, 200, `${JSON.stringify(body)}\n`, "application/json", headers);

  /** One page's figures for a repository: its JSON and its HTML. */
  const answer = async (page: InsightPage, repo: HealthRepo, url: URL): Promise<Answer> => {
    const at = now();
    const links = repoLinks(deps.settings, repo);
    if (page === "health") {
      const [h] = await loadMainHealth(deps.prisma, [repo], at);
      return { json: healthJson(h!, at), html: () => renderHealthPage(deps.views, h!, links, at) };
    }
    if (page === "impact") {
      const i = await loadImpact(deps.prisma, repo, at);
      return { json: impactJson(i, at), html: () => renderImpactPage(deps.views, i, links, at) };
    }
    const name = url.searchParams.get("job");
    // No job is named with a NUL byte (PostgreSQL refuses it in text): such a job has no steps.
    const loadSteps = async (n: string) => (n.includes("\u0000") ? [] : loadStepDurations(deps.prisma, repo, n, at));
    const [d, steps] = await Promise.all([loadDurations(deps.prisma, repo, at), name ? loadSteps(name) : null]);
    const job = name && steps ? { name, steps } : undefined;
    return { json: durationsJson(d, at, job), html: () => renderDurationsPage(deps.views, d, links, at, job) };
  };

  for (const page of ["health", "impact", "durations"] as const) {
    router.get(`/r/:owner/:repo/${page}`, async (req, res, params, url) => {
      const asJson = wantsJson(req.headers.accept, url);
      const found = await pageRepo(deps, req, params.owner ?? "", params.repo ?? "", url);
      if (!found) return notFound(res, asJson, headers);
      const a = await answer(page, found.repo, url);
      if (asJson) return json(res, a.json);
      sendPage(res, 200, a.html(), "text/html; charset=utf-8", headers);
    });
    router.get(`/api/v1/repos/:owner/:repo/${page}`, async (req, res, params, url) => {
      const repo = await apiRepo(deps, req, res, params.owner ?? "", params.repo ?? "", headers);
      if (repo) json(res, (await answer(page, repo, url)).json);
    });
  }

  const orgHealth = async (req: IncomingMessage, res: ServerResponse, owner: string, asJson: boolean, api: boolean) => {
    const reader = api ? await apiReader(deps, req, res, headers) : await orgReader(deps, req, res);
    if (!reader) return;
    const repos = await orgRepos(deps, reader, owner);
    if (repos.length === 0) return notFound(res, asJson, headers);
    const at = now();
    const list = await loadMainHealth(deps.prisma, repos, at);
    const name = repos[0]!.owner;
    if (asJson) return json(res, orgHealthJson(name, list, at));
    const page = renderOrgHealthPage(deps.views, list, {
      owner: name, login: reader.login, now: at, jsonUrl: `${deps.settings.publicUrl}/o/${encodeURIComponent(name)}/health?format=json`, linksOf: (h) => repoLinks(deps.settings, h.repo),
    });
    sendPage(res, 200, page, "text/html; charset=utf-8", headers);
  };
  router.get("/o/:owner/health", (req, res, params, url) => orgHealth(req, res, params.owner ?? "", wantsJson(req.headers.accept, url), false));
  router.get("/api/v1/orgs/:owner/health", (req, res, params) => orgHealth(req, res, params.owner ?? "", true, true));
}

function notFound(res: ServerResponse, asJson: boolean, headers: Record<string, string>): void {
  if (asJson) sendPage(res, 404, '{"error":"not found"}\n', "application/json", headers);
  else sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers);
}
