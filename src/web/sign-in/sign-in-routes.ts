// GET /login → GitHub → GET /login/callback: Sign in with GitHub (github-sign-in.ts). The OAuth
// `state` travels in a short-lived sealed cookie and must come back unchanged (CSRF-safe sign-in);
// `next` is a same-site path only. GET /logout shows a button; only POST /logout, with the form's
// token bound to the session and from Sift's own origin, ends the session.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type SignIn, SESSION_COOKIE, STATE_COOKIE } from "./github-sign-in.js";
import { readCookies } from "./cookies.js";
import { Html, html } from "../html.js";
import { pageHeaders, sendPage } from "../page-headers.js";
import { signInPath } from "../reader.js";
import { createReaderSession, endReaderSession } from "./reader-sessions.js";
import type { Router } from "../router.js";
import { openValue, sealValue } from "./sealed-value.js";
import { csrfToken } from "./sign-in-keys.js";
import { loadViews, type Views } from "../views.js";

const STATE_SECONDS = 600;
const MAX_FORM_BYTES = 4096;

/** A same-site path to return to; anything else (//evil, https://…, \\evil) becomes "/". */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/";
}

export function addSignInRoutes(router: Router, signIn: SignIn, views: Views = loadViews()): void {
  const { settings, cookies } = signIn;
  const headers = pageHeaders(views.cssHash, { forms: true });
  const redirectUri = `${settings.publicUrl}/login/callback`;
  const page = (res: ServerResponse, status: number, heading: string, message: string, action: Html | string = "", extra: Record<string, string | string[]> = {}) => {
    const body = views.render("sign-in", { heading, message, action });
    const text = views.render("layout", { title: `Sift · ${heading}`, css: new Html(views.css), body, footer: "" }).value;
    for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
    sendPage(res, status, text, "text/html; charset=utf-8", headers);
  };
  const notConfigured = (res: ServerResponse) =>
    page(res, 503, "Sign-in is not configured", "This Sift server has no GitHub OAuth client: its operator must set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the GitHub App's client id and a client secret). Organisation pages stay closed until then.");
  const again = (next: string) => html`<p><a href="${signInPath(next)}">Sign in again</a></p>`;

  router.get("/login", (req, res, _params, url) => {
    if (!signIn.api || !signIn.keys) return notConfigured(res);
    const state = randomBytes(24).toString("base64url");
    const next = safeNext(url.searchParams.get("next"));
    const sealed = sealValue(signIn.keys.cookie, { state, next }, new Date(signIn.now().getTime() + STATE_SECONDS * 1000));
    const authorize = new URL(`${settings.githubWebUrl}/login/oauth/authorize`);
    authorize.search = new URLSearchParams({ client_id: settings.githubClientId!, redirect_uri: redirectUri, state }).toString();
    res.writeHead(302, { location: authorize.href, "set-cookie": cookies.set(STATE_COOKIE, sealed, STATE_SECONDS), "cache-control": "no-store", ...headers });
    res.end();
  });

  router.get("/login/callback", async (req, res, _params, url) => {
    req.url = "/login/callback?[redacted]"; // the code stays out of the request log
    if (!signIn.api || !signIn.keys) return notConfigured(res);
    const clearState = cookies.set(STATE_COOKIE, "", 0);
    const started = openValue(signIn.keys.cookie, readCookies(req).get(cookies.name(STATE_COOKIE)), signIn.now()) as { state?: unknown; next?: unknown } | null;
    const given = url.searchParams.get("state") ?? "";
    if (!started || typeof started.state !== "string" || !sameText(started.state, given)) {
      return page(res, 400, "Sign-in failed", "This sign-in was not started here, or took longer than 10 minutes.", again("/"), { "set-cookie": clearState });
    }
    const next = safeNext(typeof started.next === "string" ? started.next : "/");
    const code = url.searchParams.get("code");
    if (!code) return page(res, 400, "Sign-in cancelled", `GitHub did not sign you in (${url.searchParams.get("error") ?? "no code"}).`, again(next), { "set-cookie": clearState });
    let session;
    try {
      const token = await signIn.api.exchangeCode(code, redirectUri);
      const login = await signIn.api.login(token);
      session = await createReaderSession(signIn.prisma, signIn.keys, login, token, signIn.now());
    } catch (err) {
      return page(res, 502, "Sign-in failed", `GitHub did not complete the sign-in: ${(err as Error).message}`, again(next), { "set-cookie": clearState });
    }
    const sealed = sealValue(signIn.keys.cookie, session.secret, session.expiresAt);
    const maxAge = Math.floor((session.expiresAt.getTime() - signIn.now().getTime()) / 1000);
    res.writeHead(302, { location: next, "set-cookie": [clearState, cookies.set(SESSION_COOKIE, sealed, maxAge)], "cache-control": "no-store", ...headers });
    res.end();
  });

  router.get("/logout", async (req, res) => {
    const session = await signIn.sessionOf(req);
    if (!session || !signIn.keys) return page(res, 200, "Signed out", "You are not signed in to Sift.", html`<p><a href="${signInPath("/")}">Sign in with GitHub</a></p>`);
    const form = html`<form method="post" action="/logout"><input type="hidden" name="csrf" value="${csrfToken(signIn.keys, session.secret)}"><button type="submit">Sign out</button></form>`;
    page(res, 200, "Sign out", `You are signed in to Sift as ${session.login}.`, form);
  });

  router.on("POST", "/logout", async (req, res) => {
    const form = new URLSearchParams(await readForm(req));
    const session = await signIn.sessionOf(req);
    if (session && signIn.keys) {
      if (!sameOrigin(req, settings.publicUrl) || !sameText(form.get("csrf") ?? "", csrfToken(signIn.keys, session.secret))) {
        return page(res, 403, "Not signed out", "This sign-out did not come from Sift's own page. Use the button on the sign-out page.", html`<p><a href="/logout">Sign out</a></p>`);
      }
      await endReaderSession(signIn.prisma, session.secret);
    }
    res.writeHead(303, { location: "/logout", "set-cookie": cookies.set(SESSION_COOKIE, "", 0), "cache-control": "no-store", ...headers });
    res.end();
  });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A browser names the origin of a form post; when it does, it must be Sift's own. Sift's pages set
 * no-referrer, under which the browser sends `Origin: null` for its own forms: the session-bound
 * token is then the guard.
 */
function sameOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === "null" || origin === new URL(publicUrl).origin;
}

async function readForm(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_FORM_BYTES) chunks.push(chunk as Buffer); // the rest is read and dropped: the form is then invalid
  }
  return Buffer.concat(chunks).toString("utf8");
}
