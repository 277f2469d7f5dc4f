// Scans [start, end) of a file on every core. The range is cut at line boundaries into units that
// this thread and the workers take in turn from a shared counter, so a worker that starts late
// (a thread and its modules take tens of ms) or a busy core does not leave the others waiting.
// Records come back in file order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { compileRegexSet } from "../classify/regex.js";
import { lineStartAtOrAfter, scanRange, type ChunkRecord } from "./scan-range.js";
import { takeUnits, type ScanJob, type UnitRecords } from "./scan-units.js";

/** Below this a worker's start-up costs more than it saves. */
const PARALLEL_MIN_BYTES = 32 << 20;
/** Bytes per unit of work: small enough to balance, large enough to cost nothing to hand out. */
const UNIT_BYTES = 4 << 20;

function runWorker(job: ScanJob): Promise<UnitRecords[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./scan-worker.js", import.meta.url), { workerData: job });
    worker.once("message", (done: UnitRecords[]) => resolve(done));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
}

export async function scanFile(fd: number, file: string, start: number, end: number, sources: string[], threads = availableParallelism()): Promise<ChunkRecord[]> {
  const set = compileRegexSet(sources);
  const workers = end - start < PARALLEL_MIN_BYTES ? 0 : Math.max(1, Math.min(threads, 8)) - 1;
  if (workers === 0) return scanRange(fd, start, end, set);
  const cuts = [start];
  for (let at = start + UNIT_BYTES; at < end; at += UNIT_BYTES) {
    const cut = lineStartAtOrAfter(fd, at, end);
    if (cut > (cuts[cuts.length - 1] as number) && cut < end) cuts.push(cut);
  }
  cuts.push(end);
  const job: ScanJob = { file, cuts, next: new SharedArrayBuffer(4), sources };
  const running = Array.from({ length: workers }, () => runWorker(job));
  const mine = takeUnits(job, (from, to) => scanRange(fd, from, to, set));
  const units = [mine, ...(await Promise.all(running))].flat().sort((a, b) => a.unit - b.unit);
  return units.flatMap((u) => u.records);
}
