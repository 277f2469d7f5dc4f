// GitHub's user-to-server OAuth of a GitHub App, as Sift uses it to know who reads a page and what
// they may read: exchange the callback's code for a user token, ask /user for the login, and list
// the repositories both the App and the person can access (/user/installations/{id}/repositories).
export interface GitHubUserApi {
  /** The user token for the callback's code; throws with GitHub's error otherwise. */
  exchangeCode(code: string, redirectUri: string): Promise<string>;
  login(token: string): Promise<string>;
  /** Ids of the repositories this person can read through the App's installations. */
  readableRepoIds(token: string): Promise<Set<string>>;
}

export interface GitHubUserApiOptions {
  githubWebUrl: string;
  githubApiUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Enough for 10,000 repositories or installations; beyond it the list is cut (fail closed: not readable). */
const MAX_PAGES = 100;

export function githubUserApi(o: GitHubUserApiOptions): GitHubUserApi {
  const fetchFn = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const get = async (token: string, path: string): Promise<unknown> => {
    const res = await fetchFn(`${o.githubApiUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json", "user-agent": "sift", "x-github-api-version": "2022-11-28" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`GitHub answered ${res.status} to GET ${path}`);
    return res.json();
  };
  const pages = async <T>(token: string, path: string, field: string): Promise<T[]> => {
    const out: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = (await get(token, `${path}?per_page=100&page=${page}`)) as Record<string, unknown>;
      const items = Array.isArray(body[field]) ? (body[field] as T[]) : [];
      out.push(...items);
      if (items.length < 100) break;
    }
    return out;
  };
  return {
    async exchangeCode(code, redirectUri) {
      const res = await fetchFn(`${o.githubWebUrl}/login/oauth/access_token`, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json", "user-agent": "sift" },
        body: JSON.stringify({ client_id: o.clientId, client_secret: o.clientSecret, code, redirect_uri: redirectUri }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
      if (!res.ok || typeof body.access_token !== "string" || !body.access_token) {
        throw new Error(`GitHub refused the sign-in code: ${String(body.error_description ?? body.error ?? res.status)}`);
      }
      return body.access_token;
    },
    async login(token) {
      const body = (await get(token, "/user")) as { login?: unknown };
      if (typeof body.login !== "string" || !body.login) throw new Error("GitHub's /user answer has no login");
      return body.login;
    },
    async readableRepoIds(token) {
      const installations = await pages<{ id: number }>(token, "/user/installations", "installations");
      const ids = new Set<string>();
      for (const inst of installations) {
        for (const repo of await pages<{ id: number }>(token, `/user/installations/${inst.id}/repositories`, "repositories")) ids.add(String(repo.id));
      }
      return ids;
    },
  };
}
