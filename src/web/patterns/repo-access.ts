// Who may see a repository's pages beyond one commit (history, patterns, search): anybody for a public
// repository; for a private one, a link with the repository-level token or a signed-in reader who can
// read it on GitHub. Unknown or not allowed: null, which the route answers with a plain 404.
import type { IncomingMessage } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { findRepository } from "../details-data.js";
import { verifyRepoPageToken } from "../page-token.js";
import type { ReaderOf } from "../reader.js";

export type AccessibleRepo = NonNullable<Awaited<ReturnType<typeof findRepository>>>;

export async function repoAccess(
  deps: { prisma: PrismaClient; settings: { pageSecret: string }; readerOf?: ReaderOf | undefined },
  req: IncomingMessage,
  params: Record<string, string>,
  token: string | null,
): Promise<AccessibleRepo | null> {
  const repo = await findRepository(deps.prisma, params.owner ?? "", params.repo ?? "");
  if (!repo) return null;
  if (!repo.private || verifyRepoPageToken(deps.settings.pageSecret, repo.owner, repo.name, token)) return repo;
  const reader = deps.readerOf ? await deps.readerOf(req) : null;
  return reader && (await reader.canRead(repo)) ? repo : null;
}
