// Units of a file scan shared between threads: each thread takes the next unit from one atomic
// counter until none is left, so the work spreads by speed, not by share. Unit i is nominally
// [start + i·unitBytes, start + (i+1)·unitBytes); the thread that takes it moves both ends to the
// next line start, so units meet exactly and no thread reads the file before the scan begins.
import { setImmediate as nextTurn } from "node:timers/promises";
import { lineStartAtOrAfter, type ChunkRecord } from "./scan-range.js";

export interface ScanJob {
  file: string;
  /** [start, end) is scanned; start is a line start. */
  start: number;
  end: number;
  unitBytes: number;
  /** One Int32: the next unit to take. */
  next: SharedArrayBuffer;
  sources: string[];
}

export interface UnitRecords {
  unit: number;
  records: ChunkRecord[];
}

type Scan = (from: number, to: number) => ChunkRecord[];

export function unitCount(job: Pick<ScanJob, "start" | "end" | "unitBytes">): number {
  return Math.ceil((job.end - job.start) / job.unitBytes);
}

/** Unit `unit`'s records; a unit that lies inside one long line is empty (the unit before takes it). */
function scanUnit(fd: number, job: ScanJob, unit: number, scan: Scan): UnitRecords {
  const lineStart = (n: number) => Math.min(job.end, lineStartAtOrAfter(fd, Math.min(job.end, job.start + n * job.unitBytes), job.end));
  const from = unit === 0 ? job.start : lineStart(unit);
  const to = lineStart(unit + 1);
  return { unit, records: from < to ? scan(from, to) : [] };
}

/** takeUnits for a thread with other work queued (module loading): it yields between units. */
export async function takeUnitsYielding(fd: number, job: ScanJob, scan: Scan): Promise<UnitRecords[]> {
  const next = new Int32Array(job.next);
  const done: UnitRecords[] = [];
  for (let unit = Atomics.add(next, 0, 1); unit < unitCount(job); unit = Atomics.add(next, 0, 1)) {
    done.push(scanUnit(fd, job, unit, scan));
    await nextTurn();
  }
  return done;
}

export function takeUnits(fd: number, job: ScanJob, scan: Scan): UnitRecords[] {
  const next = new Int32Array(job.next);
  const done: UnitRecords[] = [];
  for (let unit = Atomics.add(next, 0, 1); unit < unitCount(job); unit = Atomics.add(next, 0, 1)) done.push(scanUnit(fd, job, unit, scan));
  return done;
}
