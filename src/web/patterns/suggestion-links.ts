// Links that turn a suggestion into a change: GitHub's editor on .github/sift.yml (the pattern is
// shown on the page to paste in: GitHub's editor takes no prefilled text), and a new issue prefilled
// with the YAML. Every part is URL-encoded; the issue URL stays under GitHub's length limit.

const MAX_URL = 7_000;

export function editConfigUrl(githubWebUrl: string, repo: { owner: string; name: string; defaultBranch: string }): string {
  const branch = repo.defaultBranch.split("/").map(encodeURIComponent).join("/");
  return `${githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/edit/${branch}/.github/sift.yml`;
}

export function suggestionIssueUrl(githubWebUrl: string, repo: { owner: string; name: string }, s: { id: string; yaml: string; evidence: string; searchUrl: string }): string {
  const base = `${githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/issues/new`;
  const title = `Sift: add flaky pattern ${s.id}`.slice(0, 200);
  // A fence longer than any run of ~ in the YAML: log text cannot close it.
  const fence = "~".repeat(Math.max(3, ...[...s.yaml.matchAll(/~+/g)].map((m) => m[0].length + 1)));
  const body = [s.evidence, "", `Search: ${s.searchUrl}`, "", "Add to `.github/sift.yml`:", "", `${fence}yaml`, s.yaml, fence].join("\n");
  const url = `${base}?${new URLSearchParams({ title, body }).toString()}`;
  if (url.length <= MAX_URL) return url;
  const short = `${base}?${new URLSearchParams({ title, body: `${s.evidence}\n\nSearch: ${s.searchUrl}` }).toString()}`;
  return short.length <= MAX_URL ? short : `${base}?${new URLSearchParams({ title }).toString()}`;
}
