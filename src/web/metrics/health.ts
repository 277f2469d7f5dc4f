import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Database } from "../../db/index.js";
import type { AppMetrics } from "./metrics.js";
import { send, type Router } from "../router.js";

export interface HealthRouteOptions {
  /** SIFT_METRICS_TOKEN: when set, /metrics answers only requests bearing it. */
  metricsToken?: string | undefined;
}

/**
 * GET /healthz answers 200 only when the database does (and, embedded, its folder is still there
 * and still locked by this process); GET /metrics is Prometheus text, behind a bearer token when one
 * is configured (Prometheus' `authorization` scrape setting sends it).
 */
export function addHealthRoutes(router: Router, db: Database, metrics: AppMetrics, options: HealthRouteOptions = {}): void {
  router.get("/healthz", async (_req, res) => {
    try {
      const problem = db.problem();
      if (problem) throw new Error(problem);
      await withTimeout(db.sql.query("select 1"), 5_000);
      send(res, 200, "ok\n");
    } catch (err) {
      send(res, 503, `database unavailable: ${(err as Error).message}\n`);
    }
  });
  router.get("/metrics", async (req, res) => {
    if (options.metricsToken && !bears(req, options.metricsToken)) {
      res.setHeader("www-authenticate", 'Bearer realm="sift metrics"');
      send(res, 401, "/metrics needs the bearer token set in SIFT_METRICS_TOKEN\n");
      return;
    }
    send(res, 200, await metrics.registry.metrics(), metrics.registry.contentType);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function bears(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer +(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
  // Hashes have equal lengths, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
