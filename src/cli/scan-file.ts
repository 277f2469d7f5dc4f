// Scans [start, end) of a file on every core. The range is cut at line boundaries into units that
// this thread and the workers take in turn from a shared counter, so a worker that starts late
// (a thread and its modules take tens of ms) or a busy core does not leave the others waiting.
// Records come back in file order.
import { availableParallelism } from "node:os";
import { compileRegexSet } from "../classify/regex.js";
import { scanRange, type ChunkRecord } from "./scan-range.js";
import { takeUnitsYielding, type ScanJob } from "./scan-units.js";
import { runScanWorker, scanWorkersFor } from "./scan-workers.js";

/** Bytes per unit of work: small enough to balance, large enough to cost nothing to hand out. */
const UNIT_BYTES = 2 << 20;

export async function scanFile(fd: number, file: string, start: number, end: number, sources: string[], threads = availableParallelism()): Promise<ChunkRecord[]> {
  const workers = scanWorkersFor(end - start, threads);
  if (workers === 0) return scanRange(fd, start, end, compileRegexSet(sources));
  const job: ScanJob = { file, start, end, unitBytes: UNIT_BYTES, next: new SharedArrayBuffer(4), sources };
  const running = Array.from({ length: workers }, () => runScanWorker(job)); // before compiling this thread's set: they compile their own
  const set = compileRegexSet(sources);
  const mine = await takeUnitsYielding(fd, job, (from, to) => scanRange(fd, from, to, set));
  const units = [mine, ...(await Promise.all(running))].flat().sort((a, b) => a.unit - b.unit);
  return units.flatMap((u) => u.records);
}
