// Who may open the health, impact and durations pages. A repository's page: anybody for a public
// repository; for a private one its repository token (the history page's link) or a signed-in
// reader who can read it. The JSON API and org pages: a signed-in reader only. Anything not shown is
// a plain 404, so the answer never tells whether a private repository exists.
import type { IncomingMessage, ServerResponse } from "node:http";
import { findRepository } from "../details-data.js";
import type { WebDeps } from "../web-deps.js";
import type { HealthRepo } from "./main-health-data.js";
import { sendPage } from "../page-headers.js";
import { verifyRepoPageToken } from "../page-token.js";
import { nobodySignedIn, readable, signInPath, type Reader } from "../reader.js";

export type AccessDeps = Pick<WebDeps, "prisma" | "settings" | "readerOf">;

/** The repository a page may show, and the token its links carry (null when they need none). */
export async function pageRepo(deps: AccessDeps, req: IncomingMessage, owner: string, name: string, url: URL): Promise<{ repo: HealthRepo; token: string | null } | null> {
  const repo = await findRepository(deps.prisma, owner, name);
  if (!repo) return null;
  if (!repo.private) return { repo, token: null };
  const token = url.searchParams.get("token");
  if (verifyRepoPageToken(deps.settings.pageSecret, repo.owner, repo.name, token)) return { repo, token };
  const reader = await (deps.readerOf ?? nobodySignedIn)(req);
  return reader && (await reader.canRead(repo)) ? { repo, token: null } : null;
}

/** The API's repository for a signed-in reader; sends 401 or 404 itself and answers null then. */
export async function apiRepo(deps: AccessDeps, req: IncomingMessage, res: ServerResponse, owner: string, name: string, headers: Record<string, string>): Promise<HealthRepo | null> {
  const reader = await apiReader(deps, req, res, headers);
  if (!reader) return null;
  const repo = await findRepository(deps.prisma, owner, name);
  if (repo && (await readable(reader, [repo])).length === 1) return repo;
  sendPage(res, 404, '{"error":"not found"}\n', "application/json", headers);
  return null;
}

export async function apiReader(deps: AccessDeps, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<Reader | null> {
  const reader = await (deps.readerOf ?? nobodySignedIn)(req);
  if (!reader) sendPage(res, 401, '{"error":"sign in with GitHub first"}\n', "application/json", headers);
  return reader;
}

/** The org page's reader; without one, a redirect to sign in (never the data). */
export async function orgReader(deps: AccessDeps, req: IncomingMessage, res: ServerResponse): Promise<Reader | null> {
  const reader = await (deps.readerOf ?? nobodySignedIn)(req);
  if (!reader) {
    res.writeHead(302, { location: signInPath(req.url ?? "/"), "cache-control": "no-store" });
    res.end();
  }
  return reader;
}

/** The repositories of an owner this reader can read, by name. */
export async function orgRepos(deps: AccessDeps, reader: Reader, owner: string): Promise<HealthRepo[]> {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(owner)) return [];
  const repos = await deps.prisma.repository.findMany({
    where: { owner: { equals: owner, mode: "insensitive" } },
    select: { id: true, owner: true, name: true, private: true, defaultBranch: true },
    orderBy: { name: "asc" },
    take: 1000,
  });
  return readable(reader, repos.filter((r) => r.owner.toLowerCase() === owner.toLowerCase()));
}
