// Job names across commits differ by their matrix suffix: `test (3, 5, linux.2xlarge)` on a PR and
// `test (1, 5, linux.2xlarge)` on main are the same job for broken-trunk purposes.

/** The job name without trailing `(…)`/`[…]` shard and runner groups, trimmed and lower-cased. */
export function baseJobName(name: string): string {
  let s = name.trim();
  for (;;) {
    const close = s.at(-1);
    const open = close === ")" ? "(" : close === "]" ? "[" : null;
    if (!open) break;
    const start = s.lastIndexOf(open);
    if (start <= 0) break; // a name that is only a group keeps it
    s = s.slice(0, start).trimEnd();
  }
  return s.toLowerCase();
}
