// At start: give verdicts stored before the rollup existed their cause rows, off the request path.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { backfillCauses } from "./backfill-causes.js";

export function startCauseBackfill(deps: { prisma: PrismaClient; log: Pick<Logger, "info" | "error"> }): () => Promise<void> {
  const abort = new AbortController();
  const running = backfillCauses(deps.prisma, { signal: abort.signal }).then(
    (n) => n > 0 && deps.log.info(`causes rollup: ${n} earlier verdicts added`),
    (err: unknown) => deps.log.error({ err }, "causes rollup backfill failed; the causes pages miss earlier verdicts until the next start"),
  );
  return async () => {
    abort.abort();
    await running;
  };
}
