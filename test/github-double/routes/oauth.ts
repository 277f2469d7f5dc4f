// Sign in with GitHub, as GitHub serves it to a GitHub App: the authorize page (which signs in
// `state.oauth.signInAs` at once and redirects back with a code), the code exchange, /user and the
// installations and repositories a user token can see (only those both the App and the person reach).
import { randomBytes } from "node:crypto";
import type { Routes, RouteContext } from "../context.js";
import { json, notFound } from "../http.js";

const loginOf = ({ state, req }: RouteContext) => state.oauth.userTokens.get((req.headers.authorization ?? "").replace(/^(token|bearer) /i, "")) ?? "";

/** `per_page` and `page` as GitHub reads them. */
function page<T>(items: T[], url: URL): T[] {
  const per = Math.min(100, Number(url.searchParams.get("per_page") ?? 30) || 30);
  const n = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
  return items.slice((n - 1) * per, n * per);
}

export const oauthRoutes: Routes = {
  "GET /login/oauth/authorize": ({ state, res, url }) => {
    const redirect = url.searchParams.get("redirect_uri");
    if (url.searchParams.get("client_id") !== state.oauth.clientId || !redirect) return notFound(res);
    const back = new URL(redirect);
    const st = url.searchParams.get("state");
    if (st !== null) back.searchParams.set("state", st);
    if (state.oauth.signInAs === null) back.searchParams.set("error", "access_denied");
    else {
      const code = randomBytes(10).toString("hex");
      state.oauth.codes.set(code, state.oauth.signInAs);
      back.searchParams.set("code", code);
    }
    res.writeHead(302, { location: back.href }).end();
  },
  "POST /login/oauth/access_token": ({ state, res, body }) => {
    const b = (body ?? {}) as Record<string, unknown>;
    const login = typeof b.code === "string" ? state.oauth.codes.get(b.code) : undefined;
    if (b.client_id !== state.oauth.clientId || b.client_secret !== state.oauth.clientSecret) return json(res, 200, { error: "incorrect_client_credentials" });
    if (login === undefined) return json(res, 200, { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });
    state.oauth.codes.delete(b.code as string); // one use
    const token = `ghu_double_${randomBytes(8).toString("hex")}`;
    state.oauth.userTokens.set(token, login);
    json(res, 200, { access_token: token, token_type: "bearer", scope: "", expires_in: 28800 });
  },
  "GET /user": (ctx) => {
    const user = ctx.state.oauth.users.get(loginOf(ctx));
    if (!user) return json(ctx.res, 401, { message: "Bad credentials" });
    json(ctx.res, 200, { login: loginOf(ctx), id: user.id, type: "User" });
  },
  "GET /user/installations": (ctx) => {
    const user = ctx.state.oauth.users.get(loginOf(ctx));
    if (!user) return json(ctx.res, 401, { message: "Bad credentials" });
    const ids = new Set(user.repos.map((r) => r.installationId));
    const installations = [...ctx.state.installations.values()].filter((i) => ids.has(i.id));
    json(ctx.res, 200, { total_count: installations.length, installations: page(installations, ctx.url) });
  },
  "GET /user/installations/:id/repositories": (ctx) => {
    const user = ctx.state.oauth.users.get(loginOf(ctx));
    if (!user) return json(ctx.res, 401, { message: "Bad credentials" });
    const repos = user.repos
      .filter((r) => r.installationId === Number(ctx.params.id))
      .map((r) => ({ id: r.id, name: r.name, full_name: `${r.owner}/${r.name}`, private: r.private, owner: { login: r.owner } }));
    if (!ctx.state.installations.has(Number(ctx.params.id))) return notFound(ctx.res);
    json(ctx.res, 200, { total_count: repos.length, repositories: page(repos, ctx.url) });
  },
};
