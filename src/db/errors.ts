/** A database problem worth one clear line to the operator, not a stack trace. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return `${u.protocol}//${u.username ? `${u.username}${u.password ? ":***" : ""}@` : ""}${u.host}${u.pathname}`;
  } catch {
    return "(an unparsable URL)";
  }
}

export function describeConnectError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { code?: string; message?: string }[] };
  const inner = e.errors?.[0];
  const code = e.code ?? inner?.code;
  const message = e.message || inner?.message || String(err);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}
