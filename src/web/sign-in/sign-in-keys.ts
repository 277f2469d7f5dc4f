// The keys of the sign-in flow, each derived from the server's page secret for one purpose (HKDF),
// so a cookie seal never doubles as a CSRF token or an encryption key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

export interface SignInKeys {
  /** Seals cookies (sealed-value.ts). */
  cookie: Buffer;
  /** Encrypts users' tokens at rest. */
  cipher: Buffer;
  /** Makes the logout form's token from the session's secret. */
  csrf: Buffer;
}

export function signInKeys(pageSecret: string): SignInKeys {
  if (!pageSecret) throw new Error("sign-in needs a secret (SIFT_PAGE_SECRET or WEBHOOK_SECRET)");
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", pageSecret, "sift sign-in", info, 32));
  return { cookie: derive("cookie"), cipher: derive("token cipher"), csrf: derive("csrf") };
}

/** AES-256-GCM: iv (12) | tag (16) | ciphertext. */
export function encryptToken(key: Buffer, token: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The token, or null when the bytes were not sealed with this key (another secret, tampering). */
export function decryptToken(key: Buffer, sealed: Uint8Array): string | null {
  const bytes = Buffer.from(sealed);
  if (bytes.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The logout form's token: bound to the session, useless without its cookie. */
export function csrfToken(keys: SignInKeys, sessionSecret: string): string {
  return createHmac("sha256", keys.csrf).update(sessionSecret).digest("base64url");
}
