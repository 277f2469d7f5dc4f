// One POST to a Slack-compatible incoming webhook, and what its answer means (Slack's documented
// behaviour): 2xx ("ok") delivered; 429 rate limited, try again after Retry-After; 5xx or no answer,
// try again later; any other 4xx (invalid_payload, channel_not_found, channel_is_archived,
// action_prohibited, no_service) will not get better by trying again. The URL is a secret: it never
// appears in what this returns.
export type SlackAnswer = { kind: "delivered" } | { kind: "retry"; afterSeconds: number | null; reason: string } | { kind: "refused"; reason: string };

export async function postToSlack(url: string, body: unknown, opts: { fetch?: typeof globalThis.fetch; timeoutMs?: number } = {}): Promise<SlackAnswer> {
  const fetch = opts.fetch ?? globalThis.fetch;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    return { kind: "retry", afterSeconds: null, reason: `no answer: ${(err as Error).name === "TimeoutError" ? "timed out" : ((err as Error).message || "network error").replace(url, "<webhook>")}` };
  }
  const text = (await res.text().catch(() => "")).slice(0, 200).replace(/\s+/g, " ").trim();
  const said = `${res.status}${text ? ` ${text}` : ""}`;
  if (res.ok) return { kind: "delivered" };
  if (res.status === 429) return { kind: "retry", afterSeconds: retryAfterSeconds(res.headers.get("retry-after")), reason: `rate limited: ${said}` };
  if (res.status >= 500 || res.status === 408) return { kind: "retry", afterSeconds: null, reason: `webhook unavailable: ${said}` };
  return { kind: "refused", reason: `webhook refused the message: ${said}` };
}

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, (at - Date.now()) / 1000), 3600);
}
