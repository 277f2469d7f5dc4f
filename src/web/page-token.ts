// Pages of private repositories are reachable only through links that carry this token: an
// HMAC-SHA256 over owner/repo/sha with the server's secret, so a guessed URL gets a 404.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Owner and repository names are case-insensitive on GitHub; SHAs are hex. */
function message(owner: string, repo: string, sha: string): string {
  return `${owner.toLowerCase()}/${repo.toLowerCase()}/${sha.toLowerCase()}`;
}

export function pageToken(secret: string, owner: string, repo: string, sha: string): string {
  if (!secret) throw new Error("cannot sign page links without a secret (SIFT_PAGE_SECRET or WEBHOOK_SECRET)");
  return createHmac("sha256", secret).update(message(owner, repo, sha)).digest("base64url");
}

/** Fails closed: no secret, no token or a token of the wrong length is simply not valid. */
export function verifyPageToken(secret: string, owner: string, repo: string, sha: string, token: string | null): boolean {
  if (!secret || !token) return false;
  const expected = Buffer.from(pageToken(secret, owner, repo, sha));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The repository history page: its own message ("repo:" cannot start a commit message), so a repo token never opens a commit page or the reverse. */
function repoMessage(owner: string, repo: string): string {
  return `repo:${owner.toLowerCase()}/${repo.toLowerCase()}`;
}

export function repoPageToken(secret: string, owner: string, repo: string): string {
  if (!secret) throw new Error("cannot sign page links without a secret (SIFT_PAGE_SECRET or WEBHOOK_SECRET)");
  return createHmac("sha256", secret).update(repoMessage(owner, repo)).digest("base64url");
}

export function verifyRepoPageToken(secret: string, owner: string, repo: string, token: string | null): boolean {
  if (!secret || !token) return false;
  const expected = Buffer.from(repoPageToken(secret, owner, repo));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
