// GET /r/:owner/:repo/statistics (HTML, or JSON with Accept or ?format=json): a repository's custom
// statistics, with the history page's access (public, or a private repository's repository-level
// token, or a signed-in reader who can read it). GET /api/v1/repos/:owner/:repo/statistics: the same
// JSON for a signed-in reader only (401 without one; 404 for what they cannot read, as for unknown).
import type { IncomingMessage } from "node:http";
import { loadStatistics, STATISTIC_WINDOWS, type StatisticWindow } from "../../statistics/index.js";
import { findRepository } from "../details-data.js";
import { wantsJson } from "../details-json.js";
import type { WebDeps } from "../web-deps.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { verifyRepoPageToken } from "../page-token.js";
import { nobodySignedIn, readable, signInPath, type RepoRef } from "../reader.js";
import type { Router } from "../router.js";
import { statisticsJson } from "./statistics-json.js";
import { renderStatisticsPage } from "./statistics-view.js";
import { repoPath } from "../urls.js";
import type { Views } from "../views.js";

export const STATISTICS_ROUTE = "/r/:owner/:repo/statistics";
export const STATISTICS_API_ROUTE = "/api/v1/repos/:owner/:repo/statistics";
const DEFAULT_WINDOW: StatisticWindow = 30;

export function statisticsPath(owner: string, repo: string, query: { days?: number; token?: string | undefined } = {}): string {
  const params = new URLSearchParams();
  if (query.days) params.set("days", String(query.days));
  if (query.token) params.set("token", query.token);
  const q = params.toString();
  return `/r/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/statistics${q ? `?${q}` : ""}`;
}

function windowOf(url: URL): StatisticWindow {
  const days = Number(url.searchParams.get("days"));
  return (STATISTIC_WINDOWS as readonly number[]).includes(days) ? (days as StatisticWindow) : DEFAULT_WINDOW;
}

export function addStatisticsRoutes(router: Router, deps: WebDeps & { views: Views }): void {
  const now = deps.now ?? (() => new Date());
  const readerOf = deps.readerOf ?? nobodySignedIn;
  const headers = pageHeaders(deps.views.cssHash);
  const json = (res: Parameters<Parameters<Router["get"]>[1]>[1], status: number, body: unknown) => sendPage(res, status, `${JSON.stringify(body)}\n`, "application/json", headers);
  const mayRead = async (req: IncomingMessage, repo: RepoRef) => (await readable(await readerOf(req), [repo])).length === 1;

  router.get(STATISTICS_ROUTE, async (req, res, params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const notFound = () => (asJson ? json(res, 404, { error: "not found" }) : sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers));
    const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
    if (!repo) return notFound();
    const token = url.searchParams.get("token") ?? undefined;
    if (repo.private && !verifyRepoPageToken(deps.settings.pageSecret, repo.owner, repo.name, token ?? null) && !(await mayRead(req, repo))) return notFound();
    const days = windowOf(url);
    const data = await loadStatistics(deps.prisma, repo.id, now(), days);
    if (asJson) return json(res, 200, statisticsJson(repo, data));
    const keep = repo.private ? token : undefined;
    const page = {
      githubWebUrl: deps.settings.githubWebUrl,
      historyUrl: `${deps.settings.publicUrl}${repoPath(repo.owner, repo.name, keep)}`,
      windowUrl: (d: number) => `${deps.settings.publicUrl}${statisticsPath(repo.owner, repo.name, { days: d, token: keep })}`,
      jsonUrl: `${deps.settings.publicUrl}${statisticsPath(repo.owner, repo.name, { days, token: keep })}&format=json`, // days is always there: the query exists
      windows: STATISTIC_WINDOWS,
    };
    sendPage(res, 200, renderStatisticsPage(deps.views, repo, data, page), "text/html; charset=utf-8", headers);
  });

  router.get(STATISTICS_API_ROUTE, async (req, res, params, url) => {
    const reader = await readerOf(req);
    if (!reader) return json(res, 401, { error: "sign in with GitHub first", signIn: signInPath(req.url ?? "/") });
    const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
    if (!repo || (await readable(reader, [repo])).length === 0) return json(res, 404, { error: "not found" });
    json(res, 200, statisticsJson(repo, await loadStatistics(deps.prisma, repo.id, now(), windowOf(url))));
  });
}
