// Who reads a page. Org-level pages and the JSON API show private repositories, so they need a
// person signed in with GitHub (the sign-in routes build the Reader); a signed link in a check run
// still opens one commit's page (page-token.ts). Pages ask `readerOf(req)` and never look at cookies.
import type { IncomingMessage } from "node:http";

/** A repository as pages know it (the Repository row's identity). */
export interface RepoRef {
  id: bigint;
  owner: string;
  name: string;
  private: boolean;
}

export interface Reader {
  /** The GitHub login of the person signed in. */
  login: string;
  /** Whether this person can read the repository on GitHub (asked of GitHub, cached briefly). */
  canRead(repo: RepoRef): Promise<boolean>;
}

/** The signed-in reader of a request; null without a valid session. */
export type ReaderOf = (req: IncomingMessage) => Promise<Reader | null>;

/** A server without sign-in configured: nobody is signed in, org pages send people to sign in. */
export const nobodySignedIn: ReaderOf = async () => null;

/** Where a page sends someone who must sign in first; `next` is a same-site path only. */
export function signInPath(next: string): string {
  const safe = next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return `/login?next=${encodeURIComponent(safe)}`;
}

/** The repositories of `repos` this reader may see (public ones for anybody signed in or not). */
export async function readable<R extends RepoRef>(reader: Reader | null, repos: readonly R[]): Promise<R[]> {
  const out: R[] = [];
  for (const repo of repos) if (!repo.private || (reader !== null && (await reader.canRead(repo)))) out.push(repo);
  return out;
}
