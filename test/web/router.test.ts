import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { Router } from "../../src/web/router.js";

function request(url: string, method = "GET"): IncomingMessage {
  return { url, method } as IncomingMessage;
}
const res = {} as ServerResponse;

describe("Router", () => {
  it("matches methods and path parameters, HEAD through GET, and passes over what it does not serve", async () => {
    const seen: unknown[] = [];
    const handle = new Router().get("/r/:owner/:repo", (_req, _res, params) => void seen.push(params)).handler();
    expect(await handle(request("/r/octo/wid%20gets"), res)).toBe(true);
    expect(await handle(request("/r/octo/widgets/", "HEAD"), res)).toBe(true);
    expect(await handle(request("/r/octo/widgets", "POST"), res)).toBe(false);
    expect(await handle(request("/r/octo"), res)).toBe(false);
    expect(seen).toEqual([
      { owner: "octo", repo: "wid gets" },
      { owner: "octo", repo: "widgets" },
    ]);
  });

  it("hands the route the token but leaves it out of req.url, which Probot's HTTP log prints", async () => {
    let token: string | null = null;
    const handle = new Router().get("/r/:owner/:repo", (_req, _res, _params, url) => void (token = url.searchParams.get("token"))).handler();
    const req = request("/r/octo/widgets?format=json&token=abc123def&x=1");
    await handle(req, res);
    expect(token).toBe("abc123def");
    expect(req.url).toBe("/r/octo/widgets?format=json&token=[redacted]&x=1");
  });
});
