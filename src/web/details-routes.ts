// GET /r/:owner/:repo/commit/:sha: the details page of the `Sift` check run (HTML or JSON).
// Private repositories need the signed token; anything Sift cannot show is a plain 404, so the
// answer never tells whether a private repository or commit exists.
import { detailsJson, wantsJson } from "./details-json.js";
import { findRepository, loadDetails } from "./details-data.js";
import { renderDetailsPage } from "./details/details-view.js";
import { pageHeaders, sendPage } from "./page-headers.js";
import { repoPageToken, verifyPageToken } from "./page-token.js";
import { addInsightRoutes } from "./insight/insight-routes.js";
import { addRepoRoutes } from "./history/repo-routes.js";
import { addStatisticsRoutes } from "./statistics/statistics-routes.js";
import { addOrgGridRoutes } from "./org-grid/org-grid-routes.js";
import { addPatternRoutes } from "./patterns/pattern-routes.js";
import { addCausesRoutes } from "./causes/causes-routes.js";
import { addGrafanaRoutes } from "./metrics/grafana-routes.js";
import { addHomeRoutes } from "./home/home-routes.js";
import type { Router } from "./router.js";
import { DETAILS_ROUTE, detailsPath, repoPath } from "./urls.js";
import { loadViews } from "./views.js";
import type { WebDeps } from "./web-deps.js";

// Still exported here for route files written before web-deps.ts had it.
export type { WebDeps };

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function addWebRoutes(router: Router, deps: WebDeps): void {
  const views = deps.views ?? loadViews();
  const now = deps.now ?? (() => new Date());
  const headers = pageHeaders(views.cssHash);
  addRepoRoutes(router, { ...deps, views });
  addStatisticsRoutes(router, { ...deps, views });
  addOrgGridRoutes(router, { ...deps, views });
  addInsightRoutes(router, { ...deps, views });
  addPatternRoutes(router, { ...deps, views });
  addCausesRoutes(router, { ...deps, views });
  addGrafanaRoutes(router);
  addHomeRoutes(router, { ...deps, views });
  router.get(DETAILS_ROUTE, async (req, res, params, url) => {
    const json = wantsJson(req.headers.accept, url);
    const notFound = () =>
      json ? sendPage(res, 404, '{"error":"not found"}\n', "application/json", headers) : sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers);
    const sha = (params.sha ?? "").toLowerCase();
    if (!SHA.test(sha)) return notFound();
    const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
    if (!repo) return notFound();
    const token = url.searchParams.get("token");
    if (repo.private && !verifyPageToken(deps.settings.pageSecret, repo.owner, repo.name, sha, token)) return notFound();
    const data = await loadDetails(deps.prisma, repo, sha, now());
    if (!data) return notFound();
    if (json) return sendPage(res, 200, `${JSON.stringify(detailsJson(data))}\n`, "application/json", headers);
    const pageUrl = `${deps.settings.publicUrl}${detailsPath(repo.owner, repo.name, sha, repo.private ? (token ?? undefined) : undefined)}`;
    const historyUrl = `${deps.settings.publicUrl}${repoPath(repo.owner, repo.name, repo.private ? repoPageToken(deps.settings.pageSecret, repo.owner, repo.name) : undefined)}`;
    sendPage(res, 200, renderDetailsPage(views, data, { githubWebUrl: deps.settings.githubWebUrl, pageUrl, historyUrl, now: now() }), "text/html; charset=utf-8", headers);
  });
}
