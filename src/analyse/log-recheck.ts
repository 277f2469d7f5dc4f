// A log missing right after a job completed is usually still being uploaded: look again, a few times,
// backing off. PURE: the analysis says how many jobs wait and how often the SHA was analysed.
const LOG_RECHECKS = 4;
const LOG_RECHECK_BASE_SECONDS = 60;

export function logRecheck(waitingJobs: number, analyses: number, now: Date): { at: Date; note: string } | null {
  if (waitingJobs === 0 || analyses >= LOG_RECHECKS) return null;
  const at = new Date(now.getTime() + LOG_RECHECK_BASE_SECONDS * 1000 * 2 ** analyses);
  const what = waitingJobs === 1 ? "1 job was" : `${waitingJobs} jobs were`;
  return { at, note: `The log of ${what} not available yet; Sift will look again at ${at.toISOString().slice(11, 16)} UTC.` };
}
