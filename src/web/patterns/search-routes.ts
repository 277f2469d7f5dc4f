// GET /r/:owner/:repo/search?q=REGEX: the stored failure texts of the window searched with RE2 (HTML,
// or JSON with Accept: application/json or ?format=json). Same access as the repository's pages.
import type { WebDeps } from "../web-deps.js";
import { wantsJson } from "../details-json.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { pageToken, repoPageToken } from "../page-token.js";
import { repoAccess } from "./repo-access.js";
import type { Router } from "../router.js";
import { defaultSearchBudget, searchFailures } from "./search-data.js";
import { renderSearchPage, searchJson } from "./search-view.js";
import { detailsPath, repoPath } from "../urls.js";
import type { ScanBudget } from "../../keep/index.js";
import type { Views } from "../views.js";

export function searchPath(owner: string, repo: string, q?: string, token?: string): string {
  const query = new URLSearchParams({ ...(q === undefined ? {} : { q }), ...(token ? { token } : {}) }).toString();
  return `/r/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/search${query ? `?${query}` : ""}`;
}

export function addSearchRoutes(router: Router, deps: WebDeps & { views: Views; searchBudget?: ScanBudget }): void {
  const now = deps.now ?? (() => new Date());
  const base = pageHeaders(deps.views.cssHash);
  const headers = { ...base, "content-security-policy": (base["content-security-policy"] ?? "").replace("form-action 'none'", "form-action 'self'") };
  router.get("/r/:owner/:repo/search", async (req, res, params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const token = url.searchParams.get("token");
    const repo = await repoAccess(deps, req, params, token);
    if (!repo) return asJson ? sendPage(res, 404, '{"error":"not found"}\n', "application/json", headers) : sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers);
    const { publicUrl, githubWebUrl, pageSecret } = deps.settings;
    const repoToken = repo.private ? (token ?? repoPageToken(pageSecret, repo.owner, repo.name)) : null;
    const detailsHref = (sha: string) => `${publicUrl}${detailsPath(repo.owner, repo.name, sha, repo.private ? pageToken(pageSecret, repo.owner, repo.name, sha) : undefined)}`;
    const q = url.searchParams.get("q");
    const outcome = q === null ? null : await searchFailures(deps.prisma, repo.id, q, now(), deps.searchBudget ?? defaultSearchBudget);
    if (asJson) {
      if (!outcome) return sendPage(res, 400, `${JSON.stringify({ error: "add ?q=REGEX (RE2 syntax)" })}\n`, "application/json", headers);
      return sendPage(res, outcome.ok ? 200 : 400, `${JSON.stringify(searchJson(q ?? "", outcome, detailsHref))}\n`, "application/json", headers);
    }
    const page = {
      repoName: `${repo.owner}/${repo.name}`,
      repoUrl: `${githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`,
      historyUrl: `${publicUrl}${repoPath(repo.owner, repo.name, repoToken ?? undefined)}`,
      patternsUrl: `${publicUrl}/r/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/patterns${repoToken ? `?token=${encodeURIComponent(repoToken)}` : ""}`,
      action: searchPath(repo.owner, repo.name),
      token: repoToken,
      jsonUrl: q === null ? null : `${publicUrl}${searchPath(repo.owner, repo.name, q, repoToken ?? undefined)}&format=json`,
      detailsHref,
      now: now(),
    };
    sendPage(res, outcome && !outcome.ok ? 400 : 200, renderSearchPage(deps.views, q ?? "", outcome, page), "text/html; charset=utf-8", headers);
  });
}
