// `Fixes #N` in a PR body: the PR claims to fix known problem N, so failures of that problem are its own.
// GitHub's closing keywords; references to other repositories do not count.

const KEYWORDS = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+(\S+)/gi;

export function fixedIssues(body: string | null, repoFullName: string): number[] {
  const found = new Set<number>();
  const repo = repoFullName.toLowerCase();
  for (const m of (body ?? "").matchAll(KEYWORDS)) {
    const ref = (m[1] ?? "").replace(/[.,;:!?)]+$/, "");
    const n = issueNumber(ref, repo);
    if (n !== null) found.add(n);
  }
  return [...found];
}

function issueNumber(ref: string, repo: string): number | null {
  const hash = ref.lastIndexOf("#");
  if (hash >= 0) {
    const prefix = ref.slice(0, hash).toLowerCase();
    if (prefix !== "" && prefix !== repo) return null;
    return positiveInt(ref.slice(hash + 1));
  }
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    return null;
  }
  const parts = url.pathname.split("/").filter(Boolean);
  if (parts.length !== 4 || parts[2] !== "issues") return null;
  if (`${parts[0]}/${parts[1]}`.toLowerCase() !== repo) return null;
  return positiveInt(parts[3] ?? "");
}

function positiveInt(s: string): number | null {
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/** The issue number of a same-repository issue URL (a pattern's `issue`), for `Fixes #N` overrides. */
export function issueNumberOfUrl(url: string | null, repoFullName: string): number | null {
  return url ? issueNumber(url, repoFullName.toLowerCase()) : null;
}
