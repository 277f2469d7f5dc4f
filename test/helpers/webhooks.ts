// Signed webhook deliveries over HTTP, as GitHub sends them.
import { createHmac, randomUUID } from "node:crypto";

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface SendOptions {
  id?: string;
  secret: string;
  /** Sign with this instead (to test rejection). */
  signature?: string;
}

export async function sendWebhook(url: string, event: string, payload: unknown, opts: SendOptions): Promise<{ status: number; id: string; body: string }> {
  const body = JSON.stringify(payload);
  const id = opts.id ?? randomUUID();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": id,
      "x-hub-signature-256": opts.signature ?? signBody(opts.secret, body),
      "user-agent": "GitHub-Hookshot/test",
    },
    body,
  });
  return { status: res.status, id, body: await res.text() };
}
