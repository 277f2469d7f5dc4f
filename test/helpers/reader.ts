// A signed-in reader for page tests that are not about signing in: `login` may read exactly the
// repositories named (owner/name); the sign-in tests drive the real OAuth flow against the double.
import type { Reader, ReaderOf } from "../../src/web/reader.js";

export function readerWho(login: string, canRead: readonly string[]): Reader {
  const names = new Set(canRead.map((n) => n.toLowerCase()));
  return { login, canRead: async (repo) => names.has(`${repo.owner}/${repo.name}`.toLowerCase()) };
}

/** Every request is read by this reader (or by nobody, for null). */
export const signedIn = (reader: Reader | null): ReaderOf => async () => reader;
