// An outage: one infrastructure cause (pattern id) hitting many jobs across the installation in a short
// window. Re-running into an outage only burns budget, so re-runs of that cause are held until it ends.

export interface CauseSighting {
  cause: string;
  at: Date;
}

export interface Outage {
  cause: string;
  since: Date;
  lastSeen: Date;
}

export interface OutageOptions {
  windowMinutes: number;
  /** Failures of one cause within the window that make an outage. */
  minJobs: number;
  /** An outage with held re-runs lasts until the cause has not been seen for this long. */
  quietMinutes: number;
}

export const defaultOutageOptions: OutageOptions = { windowMinutes: 15, minJobs: 10, quietMinutes: 10 };

/** Active outages, given recent sightings and the causes that already have held re-runs. */
export function activeOutages(sightings: readonly CauseSighting[], heldCauses: readonly string[], now: Date, opts = defaultOutageOptions): Outage[] {
  const byCause = new Map<string, Date[]>();
  for (const s of sightings) byCause.set(s.cause, [...(byCause.get(s.cause) ?? []), s.at]);
  const windowStart = now.getTime() - opts.windowMinutes * 60_000;
  const quietStart = now.getTime() - opts.quietMinutes * 60_000;
  const outages: Outage[] = [];
  for (const [cause, times] of byCause) {
    times.sort((a, b) => a.getTime() - b.getTime());
    const lastSeen = times[times.length - 1] as Date;
    const inWindow = times.filter((t) => t.getTime() >= windowStart && t <= now);
    const burst = inWindow.length >= opts.minJobs;
    const stillHeld = heldCauses.includes(cause) && lastSeen.getTime() > quietStart;
    if (burst || stillHeld) outages.push({ cause, since: (burst ? inWindow[0] : times[0]) as Date, lastSeen });
  }
  return outages;
}

export function outageNote(o: Outage): string {
  return `held: outage of ${o.cause} since ${o.since.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
