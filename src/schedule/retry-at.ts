// When to try a failed analysis again: after SIFT_RETRY_SECONDS, and never before GitHub said it would
// take requests again (a rate limit's `retry-after` or `x-ratelimit-reset`).
export function retryAt(err: unknown, now: Date, retrySeconds: number): Date {
  const earliest = now.getTime() + retrySeconds * 1000;
  const headers = (err as { response?: { headers?: Record<string, string | undefined> } } | null)?.response?.headers ?? {};
  const after = Number(headers["retry-after"]);
  const reset = headers["x-ratelimit-remaining"] === "0" ? Number(headers["x-ratelimit-reset"]) * 1000 : NaN;
  const limited = Math.max(Number.isFinite(after) ? now.getTime() + after * 1000 : 0, Number.isFinite(reset) ? reset + 1000 : 0);
  return new Date(Math.max(earliest, limited));
}
