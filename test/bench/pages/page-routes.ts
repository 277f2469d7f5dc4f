// The pages and API answers the pages benchmark measures. Add a page in one line: a name, whether it
// needs a signed-in reader, and its path for the i-th request (spread over the repositories).
export interface PageRoute {
  name: string;
  path(i: number, at: BenchTargets): string;
  /** "half": asked by a reader of half the owner's repositories (the bench makes every other one private for it). */
  reader?: "half";
}

export interface BenchTargets {
  owner: string;
  /** Public repository names, and per repository a head SHA with failures. */
  repos: string[];
  failingSha(repo: string, i: number): string;
}

const repo = (i: number, t: BenchTargets) => `${t.owner}/${t.repos[(i * 37) % t.repos.length]}`;

export const PAGE_ROUTES: PageRoute[] = [
  { name: "repo causes (30 d)", path: (i, t) => `/r/${repo(i, t)}/causes` },
  { name: "repo causes (90 d)", path: (i, t) => `/r/${repo(i, t)}/causes?days=90` },
  { name: "org causes (30 d)", path: (_, t) => `/o/${t.owner}/causes` },
  { name: "org causes (90 d)", path: (_, t) => `/o/${t.owner}/causes?days=90` },
  { name: "API repo causes", path: (i, t) => `/api/v1/repos/${repo(i, t)}/causes?days=90` },
  { name: "API org causes", path: (_, t) => `/api/v1/orgs/${t.owner}/causes?days=90` },
  { name: "org causes, half reader (30 d)", path: (_, t) => `/o/${t.owner}/causes`, reader: "half" },
  { name: "org causes, half reader (90 d)", path: (_, t) => `/o/${t.owner}/causes?days=90`, reader: "half" },
  { name: "API org causes, half reader", path: (_, t) => `/api/v1/orgs/${t.owner}/causes?days=90`, reader: "half" },
  { name: "repo history", path: (i, t) => `/r/${repo(i, t)}` },
  { name: "repo history JSON", path: (i, t) => `/r/${repo(i, t)}?format=json` },
  { name: "details page", path: (i, t) => `/r/${repo(i, t)}/commit/${t.failingSha(repo(i, t), i)}` },
  { name: "/metrics", path: () => "/metrics" },
  { name: "/grafana/dashboard.json", path: () => "/grafana/dashboard.json" },
  // health, impact, patterns, search and statistics (issue 13, health part)
  { name: "repo health", path: (i, t) => `/r/${repo(i, t)}/health` },
  { name: "API repo health", path: (i, t) => `/api/v1/repos/${repo(i, t)}/health` },
  { name: "org health", path: (_, t) => `/o/${t.owner}/health` },
  { name: "API org health", path: (_, t) => `/api/v1/orgs/${t.owner}/health` },
  { name: "repo impact", path: (i, t) => `/r/${repo(i, t)}/impact` },
  { name: "API repo impact", path: (i, t) => `/api/v1/repos/${repo(i, t)}/impact` },
  { name: "repo patterns", path: (i, t) => `/r/${repo(i, t)}/patterns` },
  { name: "API repo patterns", path: (i, t) => `/api/v1/repos/${repo(i, t)}/patterns` },
  { name: "org patterns", path: (_, t) => `/o/${t.owner}/patterns` },
  { name: "repo search", path: (i, t) => `/r/${repo(i, t)}/search?q=${encodeURIComponent("connection reset")}` },
  { name: "repo statistics", path: (i, t) => `/r/${repo(i, t)}/statistics` },
  { name: "API repo statistics", path: (i, t) => `/api/v1/repos/${repo(i, t)}/statistics` },
  // the org grid (failures coloured by verdict), its duration colouring, and the durations pages
  { name: "org grid (14 d)", path: (_, t) => `/o/${t.owner}` },
  { name: "org grid (30 d)", path: (_, t) => `/o/${t.owner}?days=30` },
  { name: "API org grid (30 d)", path: (_, t) => `/api/v1/orgs/${t.owner}/grid?days=30` },
  { name: "org grid, durations (14 d)", path: (_, t) => `/o/${t.owner}?colour=duration` },
  { name: "org grid, durations (30 d)", path: (_, t) => `/o/${t.owner}?days=30&colour=duration` },
  { name: "API org grid, durations (30 d)", path: (_, t) => `/api/v1/orgs/${t.owner}/grid?days=30&colour=duration` },
  { name: "repo durations", path: (i, t) => `/r/${repo(i, t)}/durations` },
  { name: "repo durations, one job's steps", path: (i, t) => `/r/${repo(i, t)}/durations?job=${encodeURIComponent("job 0")}` },
  { name: "API repo durations", path: (i, t) => `/api/v1/repos/${repo(i, t)}/durations?job=${encodeURIComponent("job 0")}` },
];
