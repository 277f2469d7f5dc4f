// Turns a path printed by a tool into a path of the repository, or null when it points anywhere else.
// Annotating a file outside the repository would at best be lost, at worst point readers at a
// dependency's code as if it were theirs.

/** Where runners check the repository out: GitHub-hosted Linux, macOS, Windows, containers, Docker actions. */
const WORKSPACE_PREFIXES: RegExp[] = [
  /^\/home\/runner\/work\/[^/]+\/[^/]+\//,
  /^\/Users\/runner\/work\/[^/]+\/[^/]+\//,
  /^[A-Za-z]:\/a\/[^/]+\/[^/]+\//,
  /^\/__w\/[^/]+\/[^/]+\//,
  /^\/github\/workspace\//,
];

/** Folders that hold other people's code even inside the checkout. */
const FOREIGN_SEGMENTS = new Set(["node_modules", "site-packages", "dist-packages", ".git", "bower_components", "jspm_packages", ".yarn", ".pnpm-store", ".venv", "venv", ".tox", ".cargo"]);

export function repoPath(printed: string): string | null {
  let path = printed.trim().replace(/\\/g, "/");
  if (path.startsWith("file://")) path = path.slice("file://".length);
  for (const prefix of WORKSPACE_PREFIXES) path = path.replace(prefix, "");
  path = path.replace(/^(\.\/)+/, "");
  if (path === "" || path.length > 400) return null;
  if (path.startsWith("/") || path.startsWith("~") || /^[A-Za-z]:/.test(path) || path.includes("://")) return null;
  if (/[<>|*?"\s]/.test(path) || path.includes(":")) return null;
  const segments = path.split("/");
  if (segments.some((s) => s === ".." || s === "." || s === "" || FOREIGN_SEGMENTS.has(s))) return null;
  if (!/\.[A-Za-z0-9]{1,10}$/.test(segments[segments.length - 1]!)) return null;
  return path;
}
