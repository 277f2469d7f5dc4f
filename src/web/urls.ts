// Where Sift's pages live. The check run's details_url is detailsUrl(); the route is in details-routes.ts.
import { pageToken } from "./page-token.js";

export const DETAILS_ROUTE = "/r/:owner/:repo/commit/:sha";

export function detailsPath(owner: string, repo: string, sha: string, token?: string): string {
  const path = `/r/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commit/${encodeURIComponent(sha)}`;
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

/** The details page of a SHA; links to private repositories carry the signed token. */
export function detailsUrl(settings: { publicUrl: string; pageSecret: string }, repo: { owner: string; name: string; private: boolean }, sha: string): string {
  const token = repo.private ? pageToken(settings.pageSecret, repo.owner, repo.name, sha) : undefined;
  return `${settings.publicUrl}${detailsPath(repo.owner, repo.name, sha, token)}`;
}
