// How long Sift waits: set from SIFT_COOL_OFF_SECONDS / SIFT_MAX_WAIT_SECONDS.
export interface Timing {
  /** A SHA is due this long after its latest failure… */
  coolOffSeconds: number;
  /** …but never later than this after its first, so a trickle of failures cannot starve it. */
  maxWaitSeconds: number;
}
