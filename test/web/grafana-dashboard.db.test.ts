// The Grafana dashboard served at /grafana/dashboard.json: Grafana's import shape, and every PromQL
// query names only metrics the real /metrics exports (scraped from the app's registry on a database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppMetrics } from "../../src/index.js";
import { Router, addHealthRoutes, addWebRoutes } from "../../src/web/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { localServer, type LocalServer } from "../helpers/local-server.js";
import { testSettings } from "../helpers/probot.js";

/** Metric names a PromQL expression reads: identifiers that are not functions, keywords or label names. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\boffset\s+-?[0-9a-z]+/gi, "")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  const keywords = new Set(["and", "or", "unless", "bool", "offset", "inf", "nan"]);
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\(|[a-zA-Z0-9_:])/g)].map((m) => m[0]).filter((w) => !keywords.has(w.toLowerCase()));
}

/** Series names /metrics exports, from its # TYPE lines (a histogram exports _bucket, _sum and _count). */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === "histogram") for (const s of ["_bucket", "_sum", "_count"]) names.add(`${name}${s}`);
    else if (type === "summary") for (const s of ["", "_sum", "_count"]) names.add(`${name}${s}`);
    else names.add(name!);
  }
  return names;
}

interface Target {
  expr: string;
  refId: string;
  datasource: { uid: string };
}
interface Panel {
  type: string;
  title: string;
  gridPos: { w: number; h: number; x: number; y: number };
  targets?: Target[];
  datasource?: { uid: string };
}

let db: TestDatabase;
let server: LocalServer;
let base: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const router = new Router();
  addHealthRoutes(router, db, createAppMetrics(db, testSettings()));
  addWebRoutes(router, { prisma: db.prisma, settings: { publicUrl: "https://sift.test", pageSecret: "s", githubWebUrl: "https://github.com" } });
  server = await localServer();
  server.serve(router);
  base = server.base;
});
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

describe("GET /grafana/dashboard.json", () => {
  it("is a Grafana dashboard with a ${DS_PROMETHEUS} input, served without sign-in", async () => {
    const res = await fetch(`${base}/grafana/dashboard.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const dash = (await res.json()) as { __inputs: { name: string; type: string; pluginId: string }[]; title: string; uid: string; schemaVersion: number; panels: Panel[] };
    expect(dash.__inputs).toEqual([expect.objectContaining({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" })]);
    expect(dash).toMatchObject({ title: "Sift", uid: expect.any(String), schemaVersion: expect.any(Number) });
    const graphs = dash.panels.filter((p) => p.type !== "row");
    expect(graphs.length).toBeGreaterThanOrEqual(15);
    for (const p of graphs) {
      expect(p.datasource?.uid, p.title).toBe("${DS_PROMETHEUS}");
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) expect(t.datasource.uid).toBe("${DS_PROMETHEUS}");
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
    }
    // panels of one row do not overlap
    const cells = graphs.map((p) => `${p.gridPos.y}:${p.gridPos.x}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it("queries only metrics that /metrics exports", async () => {
    const exported = exportedNames(await (await fetch(`${base}/metrics`)).text());
    expect(exported).toContain("sift_github_requests_total");
    expect(exported).toContain("sift_due_to_report_seconds_bucket");
    const dash = (await (await fetch(`${base}/grafana/dashboard.json`)).json()) as { panels: Panel[] };
    const exprs = dash.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    const used = new Set<string>();
    for (const expr of exprs) {
      const names = metricNames(expr);
      expect(names.length, expr).toBeGreaterThan(0);
      for (const n of names) {
        expect(exported.has(n), `${n} in ${expr}`).toBe(true);
        used.add(n);
      }
    }
    // the dashboard shows the metrics: API calls, rate limit, queue, latency, failures, re-runs
    for (const n of ["sift_github_rate_limit_remaining", "sift_queue_commits", "sift_repository_failures_24h", "sift_retry_outcomes_total", "sift_verdicts_total"]) expect(used).toContain(n);
  });

  it("parses metric names out of PromQL, and the check can fail", () => {
    expect(metricNames('histogram_quantile(0.95, sum by (le) (rate(sift_x_bucket{a="b(c)"}[5m])))')).toEqual(["sift_x_bucket"]);
    expect(metricNames("min(sift_a / sift_b) > bool 0 unless on (repo) sift_c offset 1h")).toEqual(["sift_a", "sift_b", "sift_c"]);
    expect(metricNames("topk(10, sum without (route) (rate(sift_typo_total[5m])))")).toEqual(["sift_typo_total"]);
  });
});
