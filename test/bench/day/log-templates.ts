// Job logs for the day replay: GitHub Actions raw logs (timestamps, groups, ##[error]) of a few
// kinds, ~10 KB each, with the class the built-in patterns give them (checked before the replay).
export type TemplateClass = "flaky" | "genuine";

export interface LogTemplate {
  name: string;
  class: TemplateClass;
  text: string;
}

const stamp = (i: number) => `2026-11-23T10:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.1234567Z`;

function gha(failingStep: string, failure: string[], before = Array.from({ length: 40 }, (_, i) => `  PASS src/module-${i}.test.js (${(i % 9) + 1}.${i % 10} s)`)): string {
  const lines = [
    "##[group]Runner Image",
    "Image: ubuntu-24.04",
    "Version: 20261117.1.0",
    "##[endgroup]",
    "##[group]Run actions/checkout@v4",
    "with:",
    "  repository: octo-org/app",
    "Syncing repository: octo-org/app",
    ...Array.from({ length: 40 }, (_, i) => `remote: Counting objects: ${i * 2}% (${i * 31}/${40 * 31})`),
    "##[endgroup]",
    "##[group]Run npm ci",
    ...Array.from({ length: 80 }, (_, i) => `added package @scope/module-${i}@${i % 7}.${i % 5}.${i % 3} from the lockfile`),
    "added 812 packages, and audited 813 packages in 14s",
    "found 0 vulnerabilities",
    "##[endgroup]",
    `##[group]Run ${failingStep}`,
    ...before,
    ...failure,
    "##[endgroup]",
    "##[error]Process completed with exit code 1.",
    "Post job cleanup.",
    "Cleaning up orphan processes",
  ];
  return lines.map((l, i) => `${stamp(i)} ${l}`).join("\n") + "\n";
}

const fetching = Array.from({ length: 40 }, (_, i) => `  fetched fixture ${i} of 80 (${i * 13} KB)`);

export const logTemplates: LogTemplate[] = [
  {
    name: "jest assertion",
    class: "genuine",
    text: gha("npm test", [
      "  FAIL src/cart.test.js",
      "    ● Cart › adds an item",
      "      expect(received).toBe(expected) // Object.is equality",
      "      Expected: 2",
      "      Received: 1",
      "        at Object.<anonymous> (src/cart.test.js:12:25)",
      "  Tests:       1 failed, 41 passed, 42 total",
    ]),
  },
  {
    name: "pytest assertion",
    class: "genuine",
    text: gha("pytest -q", [
      "  ________________________________ test_total ________________________________",
      "      def test_total():",
      ">         assert total([1, 2]) == 4",
      "  E       assert 3 == 4",
      "  tests/test_cart.py:9: AssertionError",
      "  FAILED tests/test_cart.py::test_total - assert 3 == 4",
      "  1 failed, 120 passed in 3.21s",
    ]),
  },
  {
    name: "runner shutdown",
    class: "flaky",
    text: gha("npm test", ["##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled."]),
  },
  {
    name: "connection reset",
    class: "flaky",
    text: gha("npm run fetch-fixtures", [
      "  npm ERR! code ECONNRESET",
      "  npm ERR! network request to https://registry.npmjs.org/left-pad failed, reason: read ECONNRESET",
      "  npm ERR! network This is a problem related to network connectivity.",
    ], fetching),
  },
  {
    name: "dns",
    class: "flaky",
    text: gha("git submodule update --init", ["  fatal: unable to access 'https://github.com/octo-org/vendored.git/': Could not resolve host: github.com"], fetching),
  },
];
