// The patterns pages: per repository (same access as its history page), per organisation (a signed-in
// reader; only the repositories they may read), and the JSON API (a signed-in reader). Search is next
// to them (search-routes.ts): the investigation before writing a pattern.
import type { WebDeps } from "../web-deps.js";
import { wantsJson } from "../details-json.js";
import { html } from "../html.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { repoPageToken } from "../page-token.js";
import { loadPatterns } from "./patterns-data.js";
import { patternsJson } from "./patterns-json.js";
import { renderPatternsPage } from "./patterns-view.js";
import { readable, signInPath } from "../reader.js";
import { repoAccess, type AccessibleRepo } from "./repo-access.js";
import type { Router } from "../router.js";
import { addSearchRoutes, searchPath } from "./search-routes.js";
import { editConfigUrl, suggestionIssueUrl } from "./suggestion-links.js";
import { loadSuggestions } from "./suggestions-data.js";
import { repoPath } from "../urls.js";
import type { Views } from "../views.js";

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** An organisation page reads at most this many repositories. */
const MAX_ORG_REPOS = 500;

export function patternsPath(owner: string, repo: string, token?: string): string {
  const path = `/r/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/patterns`;
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

export function addPatternRoutes(router: Router, deps: WebDeps & { views: Views }): void {
  const now = deps.now ?? (() => new Date());
  const headers = pageHeaders(deps.views.cssHash);
  // The pages hold a search form (GET, this site only).
  const formHeaders = { ...headers, "content-security-policy": (headers["content-security-policy"] ?? "").replace("form-action 'none'", "form-action 'self'") };
  const json = (res: Parameters<typeof sendPage>[0], status: number, body: unknown) => sendPage(res, status, `${JSON.stringify(body)}\n`, "application/json", headers);
  const notFound = (res: Parameters<typeof sendPage>[0], asJson: boolean) =>
    asJson ? json(res, 404, { error: "not found" }) : sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers);

  router.get("/r/:owner/:repo/patterns", async (req, res, params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const token = url.searchParams.get("token");
    const repo = await repoAccess(deps, req, params, token);
    if (!repo) return notFound(res, asJson);
    const [data, suggestions] = await Promise.all([loadPatterns(deps.prisma, `${repo.owner}/${repo.name}`, [repo], now()), loadSuggestions(deps.prisma, repo.id, now())]);
    if (asJson) return json(res, 200, patternsJson(data, suggestions));
    sendPage(res, 200, repoPage(deps, repo, token, data, suggestions), "text/html; charset=utf-8", formHeaders);
  });

  router.get("/api/v1/repos/:owner/:repo/patterns", async (req, res, params) => {
    const reader = deps.readerOf ? await deps.readerOf(req) : null;
    if (!reader) return json(res, 401, { error: "sign in first", signIn: signInPath(`/r/${params.owner ?? ""}/${params.repo ?? ""}/patterns`) });
    const repo = await repoAccess({ ...deps, readerOf: async () => reader }, req, params, null);
    if (!repo || (await readable(reader, [repo])).length === 0) return notFound(res, true);
    const [data, suggestions] = await Promise.all([loadPatterns(deps.prisma, `${repo.owner}/${repo.name}`, [repo], now()), loadSuggestions(deps.prisma, repo.id, now())]);
    json(res, 200, patternsJson(data, suggestions));
  });

  router.get("/o/:owner/patterns", async (req, res, params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const reader = deps.readerOf ? await deps.readerOf(req) : null;
    if (!reader) {
      if (asJson) return json(res, 401, { error: "sign in first" });
      res.writeHead(302, { location: signInPath(req.url ?? "/"), "cache-control": "no-store" });
      return void res.end();
    }
    const owner = params.owner ?? "";
    if (!NAME.test(owner)) return notFound(res, asJson);
    const all = await deps.prisma.repository.findMany({
      where: { owner: { equals: owner, mode: "insensitive" } },
      select: { id: true, owner: true, name: true, private: true },
      orderBy: { name: "asc" },
      take: MAX_ORG_REPOS,
    });
    const repos = await readable(reader, all.filter((r) => r.owner.toLowerCase() === owner.toLowerCase()));
    if (repos.length === 0) return notFound(res, asJson);
    const name = repos[0]?.owner ?? owner;
    const data = await loadPatterns(deps.prisma, name, repos, now());
    if (asJson) return json(res, 200, patternsJson(data, null));
    const page = {
      pageUrl: `${deps.settings.publicUrl}/o/${encodeURIComponent(name)}/patterns`,
      crumbs: html`<a href="${`${deps.settings.githubWebUrl}/${encodeURIComponent(name)}`}">${name}</a> · patterns of ${repos.length} repositor${repos.length === 1 ? "y" : "ies"}`,
      heading: `${name}: patterns and their precision`,
      search: null,
      suggestions: null,
    };
    sendPage(res, 200, renderPatternsPage(deps.views, data, page), "text/html; charset=utf-8", headers);
  });

  addSearchRoutes(router, deps);
}

function repoPage(deps: WebDeps & { views: Views }, repo: AccessibleRepo, token: string | null, data: Awaited<ReturnType<typeof loadPatterns>>, suggestions: Awaited<ReturnType<typeof loadSuggestions>>): string {
  const { publicUrl, githubWebUrl, pageSecret } = deps.settings;
  const repoToken = repo.private ? (token ?? repoPageToken(pageSecret, repo.owner, repo.name)) : null;
  const name = `${repo.owner}/${repo.name}`;
  const search = (q: string) => `${publicUrl}${searchPath(repo.owner, repo.name, q, repoToken ?? undefined)}`;
  const page = {
    pageUrl: `${publicUrl}${patternsPath(repo.owner, repo.name, repo.private ? (token ?? undefined) : undefined)}`,
    crumbs: html`<a href="${`${githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`}">${name}</a> (<a href="${`${publicUrl}${repoPath(repo.owner, repo.name, repoToken ?? undefined)}`}">history</a>) · patterns`,
    heading: `${name}: patterns and their precision`,
    search: { action: searchPath(repo.owner, repo.name), token: repoToken },
    suggestions: {
      items: suggestions,
      editUrl: editConfigUrl(githubWebUrl, repo),
      searchUrl: search,
      issueUrl: (s: (typeof suggestions)[number]) =>
        suggestionIssueUrl(githubWebUrl, repo, { id: s.id, yaml: s.yaml, evidence: `Genuine on ${s.jobs} jobs across ${s.prs.length} pull requests; ${s.passedOnRerun} passed on re-run at the same commit. The pattern matches ${s.backtest.matched} stored failures (${s.backtest.genuine} genuine today).`, searchUrl: search(s.regex) }),
    },
  };
  return renderPatternsPage(deps.views, data, page);
}
