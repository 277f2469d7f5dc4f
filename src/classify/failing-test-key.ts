// The same failing test across jobs, pull requests and re-runs. Runners print a test in one form per
// run, except jest, whose retry log joins titles with spaces where its failure list uses " › ": the
// stored key folds that. The file is kept beside the key, not in it: a runner's own flaky report may
// not name the file, and two tests are different only when both name a file and the files differ.

export interface TestRef {
  id: string;
  file?: string | null | undefined;
}

const MAX_KEY = 500;

/** The key FailingTest rows are stored and looked up by (per repository). */
export function failingTestKey(id: string): string {
  return id.split(" › ").join(" ").replace(/\s+/g, " ").trim().slice(0, MAX_KEY);
}

/** A runner's path in one form: forward slashes, no leading `./`. */
export function normaliseTestPath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
}

/** One path is the other, or ends with it after a `/` (runners print paths relative to their own root). */
export function samePathBySuffix(a: string, b: string): boolean {
  const x = normaliseTestPath(a);
  const y = normaliseTestPath(b);
  if (x === "" || y === "") return false;
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

/** Whether two failing tests are the same test. */
export function sameTest(a: TestRef, b: TestRef): boolean {
  if (failingTestKey(a.id) !== failingTestKey(b.id)) return false;
  return !a.file || !b.file || samePathBySuffix(a.file, b.file);
}
