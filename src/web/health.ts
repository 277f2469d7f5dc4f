import type { Database } from "../db/index.js";
import type { Metrics } from "./metrics.js";
import { send, type Router } from "./router.js";

/**
 * GET /healthz answers 200 only when the database does (and, embedded, its folder is still there
 * and still locked by this process); GET /metrics is Prometheus text.
 */
export function addHealthRoutes(router: Router, db: Database, metrics: Metrics): void {
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
  router.get("/metrics", async (_req, res) => {
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
