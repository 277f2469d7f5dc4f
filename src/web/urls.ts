// Where Sift's pages live. The check run's details_url is detailsUrl(); the routes are in details-routes.ts and repo-routes.ts.
import { pageToken, repoPageToken } from "./page-token.js";

export const DETAILS_ROUTE = "/r/:owner/:repo/commit/:sha";
export const REPO_ROUTE = "/r/:owner/:repo";

export function detailsPath(owner: string, repo: string, sha: string, token?: string): string {
  const path = `/r/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commit/${encodeURIComponent(sha)}`;
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

/** The details page of a SHA; links to private repositories carry the signed token. */
export function detailsUrl(settings: { publicUrl: string; pageSecret: string }, repo: { owner: string; name: string; private: boolean }, sha: string): string {
  const token = repo.private ? pageToken(settings.pageSecret, repo.owner, repo.name, sha) : undefined;
  return `${settings.publicUrl}${detailsPath(repo.owner, repo.name, sha, token)}`;
}

export function repoPath(owner: string, repo: string, token?: string): string {
  const path = `/r/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}

/** The history page of a repository; links to private repositories carry the repository-level token. */
export function repoUrl(settings: { publicUrl: string; pageSecret: string }, repo: { owner: string; name: string; private: boolean }): string {
  const token = repo.private ? repoPageToken(settings.pageSecret, repo.owner, repo.name) : undefined;
  return `${settings.publicUrl}${repoPath(repo.owner, repo.name, token)}`;
}
