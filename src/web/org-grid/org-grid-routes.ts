// GET /o/:owner (HTML) and GET /api/v1/orgs/:owner/grid (JSON): the org grid, for a signed-in
// reader only (reader.ts). Without one the page sends to sign in and the API answers 401; an owner
// with no repository this reader can read is a 404, so the answer never tells what exists.
import type { WebDeps } from "../web-deps.js";
import { loadOrgGrid, GRID_DAYS } from "./org-grid-data.js";
import { orgGridJson } from "./org-grid-json.js";
import { renderOrgGridPage, type GridColour } from "./org-grid-view.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { repoPageToken } from "../page-token.js";
import { nobodySignedIn, readable, signInPath } from "../reader.js";
import type { Router } from "../router.js";
import { repoPath } from "../urls.js";
import type { Views } from "../views.js";

export const ORG_ROUTE = "/o/:owner";
export const ORG_GRID_API_ROUTE = "/api/v1/orgs/:owner/grid";

export function orgPath(owner: string, days = 14, colour: GridColour = "verdict"): string {
  const q = new URLSearchParams();
  if (days !== 14) q.set("days", String(days));
  if (colour !== "verdict") q.set("colour", colour);
  const s = q.toString();
  return `/o/${encodeURIComponent(owner)}${s ? `?${s}` : ""}`;
}

export function addOrgGridRoutes(router: Router, deps: WebDeps & { views: Views }): void {
  const now = deps.now ?? (() => new Date());
  const readerOf = deps.readerOf ?? nobodySignedIn;
  const headers = pageHeaders(deps.views.cssHash);
  const json = (status: number, body: unknown) => (res: Parameters<typeof sendPage>[0]) => sendPage(res, status, `${JSON.stringify(body)}\n`, "application/json", headers);

  /** The readable repositories of an owner, or null (unknown or none readable: the same 404). */
  const load = async (reader: Awaited<ReturnType<typeof readerOf>>, owner: string, url: URL, page: boolean) => {
    const repos = await deps.prisma.repository.findMany({ where: { owner: { equals: owner, mode: "insensitive" } }, select: { id: true, owner: true, name: true, private: true } });
    const mine = await readable(reader, repos);
    if (mine.length === 0) return null;
    const asked = Number(url.searchParams.get("days"));
    const days = (GRID_DAYS as readonly number[]).includes(asked) ? asked : 14;
    // Durations only when asked for; the duration colouring's page shows no causes (its JSON does).
    const durations = url.searchParams.get("colour") === "duration";
    return loadOrgGrid(deps.prisma, mine[0]!.owner, mine, now(), days, { durations, causes: !(page && durations) });
  };

  router.get(ORG_GRID_API_ROUTE, async (req, res, params, url) => {
    const reader = await readerOf(req);
    if (!reader) return json(401, { error: "sign in with GitHub first", signIn: signInPath(`/o/${encodeURIComponent(params.owner ?? "")}`) })(res);
    const grid = await load(reader, params.owner ?? "", url, false);
    if (!grid) return json(404, { error: "not found" })(res);
    json(200, orgGridJson(grid))(res);
  });

  router.get(ORG_ROUTE, async (req, res, params, url) => {
    const reader = await readerOf(req);
    if (!reader) {
      res.writeHead(302, { location: signInPath(`${url.pathname}${url.search}`), "cache-control": "no-store", ...headers });
      return void res.end();
    }
    const grid = await load(reader, params.owner ?? "", url, true);
    if (!grid) return sendPage(res, 404, "Not found\n", "text/plain; charset=utf-8", headers);
    const colour: GridColour = url.searchParams.get("colour") === "duration" ? "duration" : "verdict";
    const secret = deps.settings.pageSecret;
    const paths = new Map<string, string>(); // one signed path per repository, not one HMAC per cell
    const pathOf = (repo: { owner: string; name: string; private: boolean }) => {
      const key = `${repo.owner}/${repo.name}`;
      if (!paths.has(key)) paths.set(key, repoPath(repo.owner, repo.name, repo.private ? repoPageToken(secret, repo.owner, repo.name) : undefined));
      return paths.get(key)!;
    };
    const page = {
      login: reader.login,
      colour,
      selfHref: (days: number, c: GridColour) => orgPath(grid.owner, days, c),
      jsonHref: `/api/v1/orgs/${encodeURIComponent(grid.owner)}/grid?days=${grid.days}${colour === "duration" ? "&colour=duration" : ""}`,
      dayHref: (row: { repo: { owner: string; name: string; private: boolean } }, day: string) => {
        const path = pathOf(row.repo);
        return `${path}${path.includes("?") ? "&" : "?"}day=${day}`;
      },
    };
    sendPage(res, 200, renderOrgGridPage(deps.views, grid, page), "text/html; charset=utf-8", headers);
  });
}
