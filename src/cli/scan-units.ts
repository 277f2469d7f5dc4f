// Units of a file scan shared between threads: each thread takes the next unit from one atomic
// counter until none is left, so the work spreads by speed, not by share.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { ChunkRecord } from "./scan-range.js";

export interface ScanJob {
  file: string;
  /** Unit i is [cuts[i], cuts[i + 1]); every cut is a line start. */
  cuts: number[];
  /** One Int32: the next unit to take. */
  next: SharedArrayBuffer;
  sources: string[];
}

export interface UnitRecords {
  unit: number;
  records: ChunkRecord[];
}

/** takeUnits for a thread with other work queued (module loading): it yields between units. */
export async function takeUnitsYielding(job: ScanJob, scan: (from: number, to: number) => ChunkRecord[]): Promise<UnitRecords[]> {
  const next = new Int32Array(job.next);
  const done: UnitRecords[] = [];
  for (let unit = Atomics.add(next, 0, 1); unit < job.cuts.length - 1; unit = Atomics.add(next, 0, 1)) {
    done.push({ unit, records: scan(job.cuts[unit] as number, job.cuts[unit + 1] as number) });
    await nextTurn();
  }
  return done;
}

export function takeUnits(job: ScanJob, scan: (from: number, to: number) => ChunkRecord[]): UnitRecords[] {
  const next = new Int32Array(job.next);
  const done: UnitRecords[] = [];
  for (let unit = Atomics.add(next, 0, 1); unit < job.cuts.length - 1; unit = Atomics.add(next, 0, 1)) {
    done.push({ unit, records: scan(job.cuts[unit] as number, job.cuts[unit + 1] as number) });
  }
  return done;
}
