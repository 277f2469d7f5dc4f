// Sign in with GitHub, as one object the routes and the pages share: whether it is configured, the
// session cookie, and `readerOf` (reader.ts) — who is signed in and which repositories they may read,
// asked of GitHub with their own token and cached per session for a few minutes.
import type { IncomingMessage } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { cookieJar, readCookies, type CookieJar } from "./cookies.js";
import { githubUserApi, type GitHubUserApi } from "./github-user-api.js";
import type { Reader, ReaderOf } from "../reader.js";
import { findReaderSession, sessionKey, type OpenSession } from "./reader-sessions.js";
import { openValue } from "./sealed-value.js";
import { signInKeys, type SignInKeys } from "./sign-in-keys.js";

export const SESSION_COOKIE = "sift_session";
export const STATE_COOKIE = "sift_oauth";
/** How long what a person may read is trusted before GitHub is asked again. */
export const READABLE_CACHE_MS = 5 * 60_000;
const CACHE_SESSIONS = 1_000;

export interface SignInSettings {
  publicUrl: string;
  pageSecret: string;
  githubWebUrl: string;
  githubApiUrl: string;
  githubClientId: string | undefined;
  githubClientSecret: string | undefined;
  githubTimeoutSeconds?: number;
}

export interface SignIn {
  /** null: GITHUB_CLIENT_ID/SECRET (or a page secret) missing, so nobody can sign in. */
  api: GitHubUserApi | null;
  settings: SignInSettings;
  keys: SignInKeys | null;
  cookies: CookieJar;
  prisma: PrismaClient;
  now: () => Date;
  /** The live session of a request (its cookie checked, then the database). */
  sessionOf(req: IncomingMessage): Promise<OpenSession | null>;
  readerOf: ReaderOf;
}

export function createSignIn(deps: { prisma: PrismaClient; settings: SignInSettings; now?: () => Date; api?: GitHubUserApi }): SignIn {
  const { prisma, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const configured = Boolean(settings.githubClientId && settings.githubClientSecret && settings.pageSecret);
  const keys = configured ? signInKeys(settings.pageSecret) : null;
  const api = !configured
    ? null
    : (deps.api ??
      githubUserApi({
        githubWebUrl: settings.githubWebUrl,
        githubApiUrl: settings.githubApiUrl,
        clientId: settings.githubClientId!,
        clientSecret: settings.githubClientSecret!,
        timeoutMs: (settings.githubTimeoutSeconds ?? 30) * 1000,
      }));
  const cookies = cookieJar(settings.publicUrl);
  const readable = new Map<string, { until: number; ids: Promise<Set<string>> }>();

  const sessionOf = async (req: IncomingMessage): Promise<OpenSession | null> => {
    if (!keys) return null;
    const secret = openValue(keys.cookie, readCookies(req).get(cookies.name(SESSION_COOKIE)), now());
    if (typeof secret !== "string") return null;
    return findReaderSession(prisma, keys, secret, now());
  };

  const readableIds = (session: OpenSession): Promise<Set<string>> => {
    const key = sessionKey(session.secret);
    const cached = readable.get(key);
    if (cached && cached.until > now().getTime()) return cached.ids;
    const ids = api!.readableRepoIds(session.token);
    readable.delete(key);
    readable.set(key, { until: now().getTime() + READABLE_CACHE_MS, ids });
    if (readable.size > CACHE_SESSIONS) readable.delete(readable.keys().next().value!);
    ids.catch(() => readable.delete(key)); // a failed answer is not remembered
    return ids;
  };

  const readerOf: ReaderOf = async (req) => {
    const session = await sessionOf(req);
    if (!session) return null;
    const reader: Reader = {
      login: session.login,
      // Fail closed: when GitHub cannot be asked, the repository is not shown.
      canRead: async (repo) => (await readableIds(session).catch(() => new Set<string>())).has(String(repo.id)),
    };
    return reader;
  };

  return { api, settings, keys, cookies, prisma, now, sessionOf, readerOf };
}
