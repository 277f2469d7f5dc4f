import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHealthRoutes } from "../../src/web/metrics/health.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { Router } from "../../src/web/router.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { localServer, type LocalServer } from "../helpers/local-server.js";

describe("GET /healthz and /metrics", () => {
  let db: TestDatabase;
  let server: LocalServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const router = new Router();
    addHealthRoutes(router, db, createMetrics({ pendingCommits: async () => 7 }));
    server = await localServer();
    server.serve(router);
    base = server.base;
  });
  afterAll(() => server?.close());

  it("serves Prometheus text with process metrics", async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/^# HELP sift_process_cpu_user_seconds_total/m);
    expect(body).toMatch(/^# TYPE sift_webhooks_total counter/m);
    expect(body).toMatch(/^sift_pending_commits 7$/m);
  });

  it("answers 200 while the database answers, 503 once it does not", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await db.destroy();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/database unavailable/);
  });
});

describe("GET /metrics with SIFT_METRICS_TOKEN", () => {
  let server: LocalServer;
  let base: string;

  beforeAll(async () => {
    const db = { sql: { query: async () => [] } } as unknown as Parameters<typeof addHealthRoutes>[1];
    const router = new Router();
    addHealthRoutes(router, db, createMetrics({ pendingCommits: async () => 3 }), { metricsToken: "scrape-me" });
    server = await localServer();
    server.serve(router);
    base = server.base;
  });
  afterAll(() => server?.close());

  it("answers 401 without the bearer token or with a wrong one, 200 with it", async () => {
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain("sift_");
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer scrape-m" } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Basic scrape-me" } })).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer scrape-me" } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^sift_pending_commits 3$/m);
  });
});
