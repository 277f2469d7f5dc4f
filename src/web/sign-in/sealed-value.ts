// A value the browser keeps but cannot alter or keep using forever: JSON with an expiry, then an
// HMAC-SHA256 over it with a server key. Cookies of the sign-in flow are sealed values.
import { createHmac, timingSafeEqual } from "node:crypto";

/** `base64url(JSON {v, exp}).base64url(HMAC)`. */
export function sealValue(key: Buffer, value: unknown, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ v: value, exp: expiresAt.getTime() })).toString("base64url");
  return `${body}.${mac(key, body)}`;
}

/** The value when the seal is intact and not expired at `now`; null otherwise (fail closed). */
export function openValue(key: Buffer, sealed: string | undefined, now: Date): unknown {
  if (!sealed) return null;
  const dot = sealed.indexOf(".");
  if (dot < 1) return null;
  const body = sealed.slice(0, dot);
  const given = Buffer.from(sealed.slice(dot + 1));
  const expected = Buffer.from(mac(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { v?: unknown; exp?: unknown };
    return typeof parsed.exp === "number" && parsed.exp > now.getTime() ? (parsed.v ?? null) : null;
  } catch {
    return null;
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}
