// GET /: where sign-in lands, and where anyone typing Sift's address arrives. Nobody signed in: what
// Sift is and a "Sign in with GitHub" link (no repository is named, so the page never tells which
// accounts installed Sift). A signed-in reader: the accounts and repositories they can read, each
// linked to its pages. JSON with `Accept: application/json` or `?format=json` (401 without a reader).
import type { ServerResponse } from "node:http";
import { wantsJson } from "../details-json.js";
import { Html, html } from "../html.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { nobodySignedIn, readable, signInPath, type RepoRef } from "../reader.js";
import type { Router } from "../router.js";
import { repoPath } from "../urls.js";
import type { Views } from "../views.js";
import type { WebDeps } from "../web-deps.js";

export const HOME_ROUTE = "/";

const orgPage = (owner: string, page = "") => `/o/${encodeURIComponent(owner)}${page}`;

export interface HomeOwner {
  owner: string;
  repositories: { name: string; private: boolean }[];
}

/** The readable repositories grouped by owner, owners and names in alphabetical order. */
export function homeOwners(repos: readonly RepoRef[]): HomeOwner[] {
  const byOwner = new Map<string, HomeOwner>();
  const sorted = [...repos].sort((a, b) => a.owner.localeCompare(b.owner) || a.name.localeCompare(b.name));
  for (const r of sorted) {
    const entry = byOwner.get(r.owner) ?? { owner: r.owner, repositories: [] };
    entry.repositories.push({ name: r.name, private: r.private });
    byOwner.set(r.owner, entry);
  }
  return [...byOwner.values()];
}

export function addHomeRoutes(router: Router, deps: WebDeps & { views: Views }): void {
  const readerOf = deps.readerOf ?? nobodySignedIn;
  const headers = pageHeaders(deps.views.cssHash);
  const page = (res: ServerResponse, heading: string, body: Html) => {
    const content = deps.views.render("home", { heading, body });
    sendPage(res, 200, deps.views.render("layout", { title: `Sift · ${heading}`, css: new Html(deps.views.css), body: content, footer: "" }).value, "text/html; charset=utf-8", headers);
  };

  router.get(HOME_ROUTE, async (req, res, _params, url) => {
    const asJson = wantsJson(req.headers.accept, url);
    const reader = await readerOf(req);
    if (!reader) {
      if (asJson) return sendPage(res, 401, `${JSON.stringify({ error: "sign in with GitHub first", signIn: signInPath("/") })}\n`, "application/json", headers);
      return page(res, "Sift", html`<p>Sift reads the failed CI jobs of the repositories it is installed on and tells, for each, whether it is flaky, a known problem, or yours to fix. Its verdict is the <strong>Sift</strong> check run on each commit; its link opens that commit's page.</p>
<p><a href="${signInPath("/")}">Sign in with GitHub</a> to see the organisations and repositories you can read.</p>`);
    }
    const repos = await deps.prisma.repository.findMany({ select: { id: true, owner: true, name: true, private: true } });
    const owners = homeOwners(await readable(reader, repos));
    if (asJson) return sendPage(res, 200, `${JSON.stringify({ login: reader.login, owners })}\n`, "application/json", headers);
    const list = owners.length === 0
      ? html`<p>None of the repositories Sift serves is readable by ${reader.login}.</p>`
      : html`${owners.map((o) => html`<section class="home-owner"><h2><a href="${orgPage(o.owner)}">${o.owner}</a></h2>
<p class="alt"><a href="${orgPage(o.owner)}">grid</a> · <a href="${orgPage(o.owner, "/causes")}">causes</a> · <a href="${orgPage(o.owner, "/health")}">main-branch health</a> · <a href="${orgPage(o.owner, "/patterns")}">patterns</a></p>
<ul class="home-repos">${o.repositories.map((r) => html`<li><a href="${repoPath(o.owner, r.name)}">${r.name}</a>${r.private ? html` <span class="alt">private</span>` : ""}</li>`)}</ul></section>`)}`;
    page(res, "Your repositories", html`<p class="alt">Signed in as ${reader.login} · <a href="/logout">sign out</a></p>${list}`);
  });
}
