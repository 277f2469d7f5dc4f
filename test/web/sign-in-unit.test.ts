// The pieces of Sign in with GitHub that need no server: sealed cookie values (tampering, expiry,
// another key), cookie flags, the token cipher and the same-site `next`.
import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { cookieJar, readCookies } from "../../src/web/sign-in/cookies.js";
import { openValue, sealValue } from "../../src/web/sign-in/sealed-value.js";
import { csrfToken, decryptToken, encryptToken, signInKeys } from "../../src/web/sign-in/sign-in-keys.js";
import { safeNext } from "../../src/web/sign-in/sign-in-routes.js";

const now = new Date("2026-11-20T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const keys = signInKeys("a page secret");

describe("sealed values", () => {
  it("open to what was sealed until they expire", () => {
    const sealed = sealValue(keys.cookie, { state: "s1", next: "/o/acme" }, later(60_000));
    expect(openValue(keys.cookie, sealed, now)).toEqual({ state: "s1", next: "/o/acme" });
    expect(openValue(keys.cookie, sealed, later(60_000))).toBeNull();
  });

  it("refuse any change to the value or the seal, another key, and garbage", () => {
    const sealed = sealValue(keys.cookie, "secret-1", later(60_000));
    const [body, mac] = sealed.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: "secret-2", exp: later(60_000).getTime() })).toString("base64url");
    const stretched = Buffer.from(JSON.stringify({ v: "secret-1", exp: later(10 ** 10).getTime() })).toString("base64url");
    for (const bad of [`${forged}.${mac}`, `${stretched}.${mac}`, `${body}.${mac.slice(0, -1)}A`, body, "", ".", "x.y"]) expect(openValue(keys.cookie, bad, now)).toBeNull();
    expect(openValue(signInKeys("another secret").cookie, sealed, now)).toBeNull();
    expect(openValue(keys.cookie, undefined, now)).toBeNull();
  });
});

describe("cookies", () => {
  it("are HttpOnly and SameSite=Lax; Secure with the __Host- prefix over https only", () => {
    expect(cookieJar("http://localhost:3000").set("sift_session", "v", 60)).toBe("sift_session=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
    const https = cookieJar("https://sift.example.com");
    expect(https.set("sift_session", "v", 0)).toBe("__Host-sift_session=v; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
    expect(https.name("sift_session")).toBe("__Host-sift_session");
  });

  it("are read by name, the first of a name winning", () => {
    const req = { headers: { cookie: "a=1; sift_session=x.y; sift_session=evil; junk" } } as IncomingMessage;
    expect(readCookies(req).get("sift_session")).toBe("x.y");
    expect(readCookies({ headers: {} } as IncomingMessage).size).toBe(0);
  });
});

describe("the user's token at rest", () => {
  it("is encrypted (not in the bytes), decrypts with the key only, and detects tampering", () => {
    const sealed = encryptToken(keys.cipher, "ghu_secret_token");
    expect(sealed.toString("latin1")).not.toContain("ghu_secret_token");
    expect(decryptToken(keys.cipher, sealed)).toBe("ghu_secret_token");
    expect(decryptToken(signInKeys("another").cipher, sealed)).toBeNull();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(decryptToken(keys.cipher, flipped)).toBeNull();
    expect(decryptToken(keys.cipher, Buffer.alloc(5))).toBeNull();
  });

  it("derives separate keys per purpose, and a CSRF token per session", () => {
    expect(keys.cookie.equals(keys.cipher)).toBe(false);
    expect(csrfToken(keys, "s1")).not.toBe(csrfToken(keys, "s2"));
    expect(() => signInKeys("")).toThrow(/secret/);
  });
});

describe("where to go after signing in", () => {
  it("is a same-site path, never another site", () => {
    expect(safeNext("/o/acme?days=30")).toBe("/o/acme?days=30");
    for (const bad of ["//evil.example", "https://evil.example/", "/\\evil.example", "o/acme", "", null]) expect(safeNext(bad)).toBe("/");
  });
});
