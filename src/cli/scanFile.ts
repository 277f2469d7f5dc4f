// Scans [start, end) of a file on every core: the range is cut at line boundaries, workers take
// all shares but the first, which this thread scans meanwhile. Records come back in file order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { compileRegexSet } from "../classify/regex.js";
import { lineStartAtOrAfter, scanRange, type ChunkRecord } from "./scanRange.js";

/** Below this a worker's start-up costs more than it saves. */
const PARALLEL_MIN_BYTES = 32 << 20;

function runWorker(file: string, start: number, end: number, sources: string[]): Promise<ChunkRecord[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./scanWorker.js", import.meta.url), { workerData: { file, start, end, sources } });
    worker.once("message", (records: ChunkRecord[]) => resolve(records));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
}

export async function scanFile(fd: number, file: string, start: number, end: number, sources: string[], threads = availableParallelism()): Promise<ChunkRecord[]> {
  const shares = end - start < PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(threads, 8));
  const cuts = [start];
  for (let i = 1; i < shares; i++) cuts.push(lineStartAtOrAfter(fd, start + Math.floor(((end - start) * i) / shares), end));
  cuts.push(end);
  const workers = cuts.slice(1, -1).map((from, i) => runWorker(file, from, cuts[i + 2] as number, sources));
  const first = scanRange(fd, start, cuts[1] as number, compileRegexSet(sources));
  return [first, ...(await Promise.all(workers))].flat();
}
