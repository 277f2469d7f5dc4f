// Reading and writing the cookies of the sign-in flow: always HttpOnly and SameSite=Lax (a link from
// elsewhere still signs you in, a cross-site form post does not carry the cookie), Secure when
// Sift is served over https, and then with the __Host- prefix (no Domain, Path=/, Secure enforced).
import type { IncomingMessage } from "node:http";

export function readCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export interface CookieJar {
  /** The cookie's full name (with __Host- when secure). */
  name(base: string): string;
  /** A Set-Cookie header value; maxAgeSeconds 0 deletes the cookie. */
  set(base: string, value: string, maxAgeSeconds: number): string;
}

export function cookieJar(publicUrl: string): CookieJar {
  const secure = publicUrl.startsWith("https:");
  const name = (base: string) => (secure ? `__Host-${base}` : base);
  return {
    name,
    set: (base, value, maxAgeSeconds) =>
      `${name(base)}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
  };
}
