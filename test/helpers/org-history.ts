// Generated failure history of an organisation, in 15-minute slots: jobs completed follow working
// hours (weekdays 08:00–18:00 UTC busy, nights and weekends quiet), and one infrastructure cause
// fails each job with a fixed probability (background noise). Seeded, so every run is the same.
import type { OutageEvidence } from "../../src/decide/index.js";
import { mulberry32 } from "./seeded-random.js";

export const SLOT_MINUTES = 15;
export const SLOTS_PER_WEEK = 7 * 24 * (60 / SLOT_MINUTES);

export interface Slot {
  start: Date;
  jobs: number;
  sightings: number;
}

export interface OrgShape {
  /** The end of the last slot. */
  end: Date;
  days: number;
  busyJobs: number;
  quietJobs: number;
  /** Probability that a job fails with the cause. */
  causeRate: number;
  seed: number;
}


export function isBusy(at: Date): boolean {
  const day = at.getUTCDay();
  const hour = at.getUTCHours();
  return day !== 0 && day !== 6 && hour >= 8 && hour < 18;
}

export function orgHistory(o: OrgShape): Slot[] {
  const random = mulberry32(o.seed);
  const count = o.days * 24 * (60 / SLOT_MINUTES);
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(o.end.getTime() - (count - i) * SLOT_MINUTES * 60_000);
    const jobs = isBusy(start) ? o.busyJobs : o.quietJobs;
    let sightings = 0;
    for (let j = 0; j < jobs; j++) if (random() < o.causeRate) sightings++;
    return { start, jobs, sightings };
  });
}

/** What the history query would return at the end of slot `i`: the slot's sightings, spread evenly, and the week before as baseline. */
export function evidenceAt(slots: readonly Slot[], i: number, cause: string): { evidence: OutageEvidence; now: Date } {
  const slot = slots[i]!;
  const now = new Date(slot.start.getTime() + SLOT_MINUTES * 60_000);
  const step = (SLOT_MINUTES * 60_000) / Math.max(1, slot.sightings);
  const recent = Array.from({ length: slot.sightings }, (_, k) => ({ cause, at: new Date(slot.start.getTime() + (k + 0.5) * step) }));
  const week = slots.slice(Math.max(0, i - SLOTS_PER_WEEK), i);
  const baseline = {
    causes: { [cause]: week.reduce((n, s) => n + s.sightings, 0) },
    jobs: week.reduce((n, s) => n + s.jobs, 0),
    windowJobs: slot.jobs,
    quietJobs: Math.round((slot.jobs * 10) / SLOT_MINUTES),
  };
  return { evidence: { recent, baseline }, now };
}
