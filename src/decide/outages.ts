// An outage: one infrastructure cause (pattern id) failing jobs across the installation far more often
// than it usually does. Re-running into an outage only burns budget, so re-runs of that cause are held
// until it ends.
//
// "Usually" is the cause's share of the installation's completed jobs over the previous 7 days, applied
// to the jobs completed in the window: a big organisation's steady background noise is not an outage,
// and because the baseline follows activity (jobs), a busy weekday afternoon is not one either. A small
// organisation (or a new installation, without a baseline) keeps the absolute floor.
import { poissonTail } from "./poisson.js";

export interface CauseSighting {
  cause: string;
  at: Date;
}

/** The installation's history the rule compares with; null when there is none worth trusting. */
export interface OutageBaseline {
  /** Each cause's sightings in the baseline period (the days before the window). */
  causes: Readonly<Record<string, number>>;
  /** Jobs completed in the installation in the baseline period. */
  jobs: number;
  /** Jobs completed in the window, and in the quiet period. */
  windowJobs: number;
  quietJobs: number;
}

export interface OutageEvidence {
  /** Sightings of the last max(windowMinutes, quietMinutes). */
  recent: readonly CauseSighting[];
  baseline: OutageBaseline | null;
}

export interface Outage {
  cause: string;
  since: Date;
  lastSeen: Date;
  /** Sightings in the window, and how many the baseline expects there (0 without a baseline). */
  count: number;
  expected: number;
  windowMinutes: number;
}

export interface OutageOptions {
  windowMinutes: number;
  /** The floor: fewer sightings than this in the window are never an outage, whatever the baseline. */
  minJobs: number;
  /** An outage with held re-runs lasts while the cause, in this many last minutes, stays above its usual rate. */
  quietMinutes: number;
  baselineDays: number;
  /** Fewer jobs than this in the baseline period: no baseline (floor only). */
  minBaselineJobs: number;
  /** Sightings must reach this multiple of the expected count… */
  ratio: number;
  /** …and be this unlikely under a Poisson law with the expected mean. */
  pValue: number;
  /** A held outage ends once its quiet-period count is no longer this unlikely. */
  quietPValue: number;
}

export const defaultOutageOptions: OutageOptions = {
  windowMinutes: 15,
  minJobs: 10,
  quietMinutes: 10,
  baselineDays: 7,
  minBaselineJobs: 200,
  ratio: 3,
  pValue: 0.001,
  quietPValue: 0.05,
};

/** How many sightings the baseline expects for `cause` among `jobs` jobs (0 without a baseline). */
function expectedCount(baseline: OutageBaseline | null, cause: string, jobs: number): number {
  if (!baseline || baseline.jobs === 0) return 0;
  return ((baseline.causes[cause] ?? 0) * jobs) / baseline.jobs;
}

/** Is `count` an outage-sized burst, given the expected count? */
export function isBurst(count: number, expected: number, opts = defaultOutageOptions): boolean {
  return count >= opts.minJobs && count >= opts.ratio * expected && poissonTail(count, expected) <= opts.pValue;
}

/** Active outages, given recent sightings, the baseline and the causes that already have held re-runs. */
export function activeOutages(evidence: OutageEvidence, heldCauses: readonly string[], now: Date, opts = defaultOutageOptions): Outage[] {
  const baseline = evidence.baseline && evidence.baseline.jobs >= opts.minBaselineJobs ? evidence.baseline : null;
  const byCause = new Map<string, Date[]>();
  for (const s of evidence.recent) if (s.at <= now) byCause.set(s.cause, [...(byCause.get(s.cause) ?? []), s.at]);
  const windowStart = now.getTime() - opts.windowMinutes * 60_000;
  const quietStart = now.getTime() - opts.quietMinutes * 60_000;
  const outages: Outage[] = [];
  for (const [cause, times] of byCause) {
    times.sort((a, b) => a.getTime() - b.getTime());
    const lastSeen = times[times.length - 1] as Date;
    const inWindow = times.filter((t) => t.getTime() >= windowStart);
    const expected = expectedCount(baseline, cause, baseline?.windowJobs ?? 0);
    const burst = isBurst(inWindow.length, expected, opts);
    const quiet = times.filter((t) => t.getTime() > quietStart).length;
    const stillHeld = heldCauses.includes(cause) && quiet > 0 && poissonTail(quiet, expectedCount(baseline, cause, baseline?.quietJobs ?? 0)) <= opts.quietPValue;
    if (burst || stillHeld) outages.push({ cause, since: (burst ? inWindow[0] : times[0]) as Date, lastSeen, count: inWindow.length, expected, windowMinutes: opts.windowMinutes });
  }
  return outages;
}

export function outageNote(o: Outage): string {
  const expected = o.expected < 10 ? o.expected.toFixed(1) : o.expected.toFixed(0);
  return `held: outage of ${o.cause} since ${o.since.toISOString().slice(0, 16).replace("T", " ")} UTC (${o.count} in ${o.windowMinutes} min, ${expected} expected)`;
}
