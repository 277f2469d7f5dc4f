// GET /r/:owner/:repo: the history page of a repository (HTML or JSON). Private repositories need
// the repository-level token; anything Sift cannot show is a plain 404, as for the details page.
import { findRepository } from "../details-data.js";
import { wantsJson } from "../details-json.js";
import type { WebDeps } from "../web-deps.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { pageToken, verifyRepoPageToken } from "../page-token.js";
import { loadRepoHistory } from "./repo-history-data.js";
import { loadDayFailures, parseDay, renderDayFailures } from "./repo-day-failures.js";
import { repoHistoryJson } from "./repo-history-json.js";
import { renderRepoHistoryPage } from "./repo-history-view.js";
import type { Router } from "../router.js";
import { REPO_ROUTE, detailsPath, repoPath } from "../urls.js";
import type { Views } from "../views.js";

export function addRepoRoutes(router: Router, deps: WebDeps & { views: Views }): void {
  const now = deps.now ?? (() => new Date());
  const headers = pageHeaders(deps.views.cssHash);
  router.get(REPO_ROUTE, async (req, res, params, url) => {
    const json = wantsJson(req.headers.accept, url);
    const notFound = () =>
      json ? sendPage(res, 404, '{"error":"not found"}\n', "application/json", headers) : sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers);
    const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
    if (!repo) return notFound();
    const token = url.searchParams.get("token");
    if (repo.private && !verifyRepoPageToken(deps.settings.pageSecret, repo.owner, repo.name, token)) return notFound();
    const data = await loadRepoHistory(deps.prisma, repo, now());
    if (json) return sendPage(res, 200, `${JSON.stringify(repoHistoryJson(data))}\n`, "application/json", headers);
    const secret = deps.settings.pageSecret;
    const page = {
      githubWebUrl: deps.settings.githubWebUrl,
      pageUrl: `${deps.settings.publicUrl}${repoPath(repo.owner, repo.name, repo.private ? (token ?? undefined) : undefined)}`,
      commitHref: (sha: string) => `${deps.settings.publicUrl}${detailsPath(repo.owner, repo.name, sha, repo.private ? pageToken(secret, repo.owner, repo.name, sha) : undefined)}`,
    };
    const day = parseDay(url.searchParams.get("day")); // an org grid cell's day
    const dayPanel = day ? renderDayFailures(day.toISOString().slice(0, 10), await loadDayFailures(deps.prisma, repo.id, day), page.commitHref) : undefined;
    sendPage(res, 200, renderRepoHistoryPage(deps.views, data, { ...page, dayPanel }), "text/html; charset=utf-8", headers);
  });
}
