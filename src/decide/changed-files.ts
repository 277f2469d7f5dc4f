// Does the pull request change a failing test's file? Then the PR may be what makes it fail, and
// evidence that the test is flaky elsewhere does not clear it. Runners print paths relative to their
// own root (or absolute), a PR lists paths relative to the repository: compared by path suffix. A test
// without a file is matched by name: a changed file whose base name is one of the id's scopes
// (`org.acme.CartTest.total` → `CartTest.java`, `tests.test_cart.TestCart.test_a` → `test_cart.py`).
import { normaliseTestPath, samePathBySuffix, type TestRef } from "../classify/failing-test-key.js";

/** The scopes of a test id: `a/b.py::C::d` → [a, b.py, C, d]; dotted and `›`/`>` forms too. */
function scopesOf(id: string): string[] {
  return id
    .split(/::| › | > |#|\/|\.(?=[A-Za-z_])|\s+/)
    .map((s) => s.replace(/\(.*$|\[.*$/, "").trim())
    .filter((s) => s.length > 1);
}

function baseName(path: string): string {
  const name = normaliseTestPath(path).split("/").pop() ?? "";
  const dot = name.indexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The changed file that is the test's file, or null. */
export function changedTestFile(test: TestRef, changed: readonly string[]): string | null {
  if (test.file) return changed.find((f) => samePathBySuffix(f, test.file as string)) ?? null;
  const scopes = new Set(scopesOf(test.id));
  return changed.find((f) => scopes.has(baseName(f)) || scopes.has(normaliseTestPath(f).split("/").pop() ?? "")) ?? null;
}
