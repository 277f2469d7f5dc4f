// How long Sift waits: set from SIFT_COOL_OFF_SECONDS / SIFT_MAX_WAIT_SECONDS.
export interface Timing {
  /** A SHA is due this long after its latest failure… */
  coolOffSeconds: number;
  /** …but never later than this after its first, so a trickle of failures cannot starve it. */
  maxWaitSeconds: number;
}

/** A claim lasts this long unless renewed: a dead replica's SHAs move to another within it. */
export const LEASE_SECONDS = 60;
/** A running analysis renews its lease this often: three chances before it lapses. */
export const HEARTBEAT_SECONDS = LEASE_SECONDS / 3;
/** On shutdown, running analyses get this long to finish before their SHAs are handed back. */
export const STOP_GRACE_MS = 5_000;
