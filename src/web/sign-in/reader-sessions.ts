// Signed-in people, kept in the database (so replicas agree and logout ends a session for good).
// The cookie carries a random secret; the row is keyed by its SHA-256 and holds the user's token
// encrypted, so neither the cookie nor a copy of the table alone yields the token.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { decryptToken, encryptToken, type SignInKeys } from "./sign-in-keys.js";

export const SESSION_HOURS = 8;

export interface OpenSession {
  /** The secret the cookie carries. */
  secret: string;
  login: string;
  token: string;
  expiresAt: Date;
}

const idOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

export async function createReaderSession(prisma: PrismaClient, keys: SignInKeys, login: string, token: string, now: Date): Promise<OpenSession> {
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await prisma.readerSession.deleteMany({ where: { expiresAt: { lte: now } } }); // keep the table to live sessions
  await prisma.readerSession.create({ data: { id: idOf(secret), login, tokenCipher: new Uint8Array(encryptToken(keys.cipher, token)), expiresAt } });
  return { secret, login, token, expiresAt };
}

/** The live session of this secret; null when unknown, ended or expired. */
export async function findReaderSession(prisma: PrismaClient, keys: SignInKeys, secret: string, now: Date): Promise<OpenSession | null> {
  const row = await prisma.readerSession.findUnique({ where: { id: idOf(secret) } });
  if (!row || row.expiresAt <= now) return null;
  const token = decryptToken(keys.cipher, row.tokenCipher);
  return token === null ? null : { secret, login: row.login, token, expiresAt: row.expiresAt };
}

export async function endReaderSession(prisma: PrismaClient, secret: string): Promise<void> {
  await prisma.readerSession.deleteMany({ where: { id: idOf(secret) } });
}

/** A stable key for per-session caches that does not keep the secret itself in memory longer. */
export const sessionKey = idOf;
