// Links between a repository's pages (history, health, impact, durations) and to its commits. A
// private repository's links carry its signed tokens: whoever sees the page may follow them.
import { html, type Html } from "../html.js";
import { pageToken, repoPageToken } from "../page-token.js";
import type { RepoRef } from "../reader.js";
import { detailsPath, repoPath } from "../urls.js";

export type InsightPage = "health" | "impact" | "durations";
export const INSIGHT_PAGES: readonly InsightPage[] = ["health", "impact", "durations"];
const TITLES: Record<InsightPage | "history", string> = { history: "History", health: "Main-branch health", impact: "Impact", durations: "Durations" };

export interface RepoLinks {
  githubUrl: string;
  /** The page `page` of this repository, with extra query parameters. */
  page(page: InsightPage | "history", query?: Record<string, string>): string;
  commit(sha: string): string;
  /** History · Health · Impact · Durations · JSON, the current page as text. */
  nav(current: InsightPage, query?: Record<string, string>): Html;
}

export function repoLinks(settings: { publicUrl: string; pageSecret: string; githubWebUrl: string }, repo: RepoRef): RepoLinks {
  const token = repo.private ? repoPageToken(settings.pageSecret, repo.owner, repo.name) : undefined;
  const page = (p: InsightPage | "history", query: Record<string, string> = {}) => {
    const base = `${settings.publicUrl}${repoPath(repo.owner, repo.name)}${p === "history" ? "" : `/${p}`}`;
    const q = new URLSearchParams({ ...query, ...(token ? { token } : {}) }).toString();
    return q ? `${base}?${q}` : base;
  };
  return {
    githubUrl: `${settings.githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`,
    page,
    commit: (sha) => `${settings.publicUrl}${detailsPath(repo.owner, repo.name, sha, repo.private ? pageToken(settings.pageSecret, repo.owner, repo.name, sha) : undefined)}`,
    nav: (current, query = {}) => {
      const items = (["history", ...INSIGHT_PAGES] as const).map((p) => (p === current ? html`<strong>${TITLES[p]}</strong>` : html`<a href="${page(p)}">${TITLES[p]}</a>`));
      return html`${items.map((i, n) => html`${n ? " · " : ""}${i}`)} · <a href="${page(current, { ...query, format: "json" })}">JSON</a>`;
    },
  };
}
