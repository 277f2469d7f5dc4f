// Does the pull request change a failing test's file? Then the PR may be what makes it fail, and
// evidence that the test is flaky elsewhere does not clear it. Runners print paths relative to their
// own root (or absolute), a PR lists paths relative to the repository: compared by path suffix. A test
// without a file is matched by name: a changed file whose base name is one of the id's scopes
// (`org.acme.CartTest.total` → `CartTest.java`, `tests.test_cart.TestCart.test_a` → `test_cart.py`),
// and a go test (`example.com/m/pkg/cart.TestTotal`) by a changed `_test.go` file of its package.
import { normaliseTestPath, samePathBySuffix, type TestRef } from "../classify/failing-test-key.js";

/** The scopes of a test id after its last `/`: `a/b.C.test_d` → [b, C, test_d]; `::`, `›`, `>` forms too. */
function scopesOf(id: string): string[] {
  const tail = id.includes("::") ? id : id.slice(id.lastIndexOf("/") + 1);
  return tail
    .split(/::| › | > |#|\/|\.(?=[A-Za-z_])|\s+/)
    .map((s) => s.replace(/[([].*$/, "").trim())
    .filter((s) => s.length > 1);
}

function baseName(path: string): string {
  const name = normaliseTestPath(path).split("/").pop() ?? "";
  const dot = name.indexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** go: `example.com/m/pkg/cart.TestTotal/sub` → `example.com/m/pkg/cart`. */
function goPackage(id: string): string | null {
  return /^([\w.~-]+(?:\/[\w.~-]+)*)\.Test\w*(?:\/|$)/.exec(id)?.[1] ?? null;
}

function inGoPackage(path: string, pkg: string): boolean {
  const p = normaliseTestPath(path);
  if (!p.endsWith("_test.go")) return false;
  const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
  return dir === "" ? !pkg.includes("/") : pkg === dir || pkg.endsWith(`/${dir}`);
}

/** The changed file that is the test's file, or null. */
export function changedTestFile(test: TestRef, changed: readonly string[]): string | null {
  if (test.file) return changed.find((f) => samePathBySuffix(f, test.file as string)) ?? null;
  const pkg = goPackage(test.id);
  const scopes = new Set(scopesOf(test.id));
  return (pkg ? changed.find((f) => inGoPackage(f, pkg)) : undefined) ?? changed.find((f) => scopes.has(baseName(f))) ?? null;
}
