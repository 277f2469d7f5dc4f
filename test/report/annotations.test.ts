import { describe, expect, it } from "vitest";
import { extractAnnotations, MAX_ANNOTATIONS, repoPath } from "../../src/report/index.js";
import { failure, jobReport, report } from "./report-fixtures.js";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { join } from "node:path";

function annotate(excerpt: string, finalClass: "genuine" | "flaky" = "genuine") {
  return extractAnnotations(report([jobReport(finalClass, { failure: failure({ excerpt }) }, "build")])).map((a) => `${a.path}:${a.start_line}`);
}

describe("annotations from tool output", () => {
  it.each([
    ["tsc", "src/app.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.", "src/app.ts:12"],
    ["tsc --pretty", "src/app.ts:12:5 - error TS2322: Type 'string' is not assignable", "src/app.ts:12"],
    ["eslint unix", "/home/runner/work/widgets/widgets/src/a.js:3:7: 'x' is defined but never used. [Error/no-unused-vars]", "src/a.js:3"],
    ["pytest", "tests/test_api.py:42: AssertionError", "tests/test_api.py:42"],
    ["python traceback", '  File "/home/runner/work/widgets/widgets/pkg/mod.py", line 10, in run', "pkg/mod.py:10"],
    ["jest frame", "      at Object.<anonymous> (src/sum.test.ts:8:17)", "src/sum.test.ts:8"],
    ["go build", "./internal/db/conn.go:31:2: undefined: pool", "internal/db/conn.go:31"],
    ["cargo", "error[E0308]: mismatched types\n  --> src/main.rs:4:18", "src/main.rs:4"],
    ["rust panic", "thread 'main' panicked at src/lib.rs:77:9:", "src/lib.rs:77"],
    ["maven", "[ERROR] /home/runner/work/widgets/widgets/core/src/main/java/App.java:[25,31] cannot find symbol", "core/src/main/java/App.java:25"],
    ["javac", "src/App.java:12: error: ';' expected", "src/App.java:12"],
    ["gcc", "src/foo.c:12:5: error: implicit declaration of function 'bar'", "src/foo.c:12"],
    ["kotlin", "e: file:///home/runner/work/widgets/widgets/app/Main.kt:12:5 Unresolved reference: foo", "app/Main.kt:12"],
    ["windows runner", "D:\\a\\widgets\\widgets\\src\\Program.cs(7,13): error CS0103: The name 'x' does not exist", "src/Program.cs:7"],
    ["timestamped", "2022-06-22T18:46:54.1443638Z ##[error]src/v37/bar.tsx(4,26): error TS2307: Cannot find module", "src/v37/bar.tsx:4"],
  ])("%s", (_style, excerpt, expected) => {
    expect(annotate(excerpt)).toEqual([expected]);
  });

  it("eslint stylish: the file on its own line, errors below it", () => {
    const excerpt = ["/home/runner/work/widgets/widgets/src/index.ts", "  3:10  error  'a' is assigned a value but never used  no-unused-vars", "  9:1   warning  Unexpected console statement  no-console", "", "✖ 2 problems"].join("\n");
    expect(annotate(excerpt)).toEqual(["src/index.ts:3"]);
  });

  it("go test: the package from the FAIL line names the folder", () => {
    const excerpt = "--- FAIL: TestSum (0.00s)\n    sum_test.go:14: got 3, want 4\nFAIL\nFAIL\tgithub.com/octo/widgets/pkg/math\t0.004s";
    expect(annotate(excerpt)).toEqual(["pkg/math/sum_test.go:14"]);
    expect(annotate("    sum_test.go:14: got 3\nFAIL\tgithub.com/someone/else/pkg\t0.1s")).toEqual([]);
  });

  it("never annotates outside the repository", () => {
    const excerpt = [
      "/usr/include/stdio.h:12:1: error: something",
      "../other/src/x.c:3:1: error: up and out",
      "node_modules/react/index.js:5:1: error",
      "      at Module._compile (node:internal/modules/cjs/loader:1105:14)",
      "/opt/hostedtoolcache/Python/3.11/lib/python3.11/site-packages/pkg/a.py:3: in f",
      '  File "/usr/lib/python3.11/unittest/case.py", line 59, in testPartExecutor',
      "C:\\Users\\me\\code.cs(1,1): error X",
      "src/ok.ts:1:1 - error TS1: but this one is in",
    ].join("\n");
    expect(annotate(excerpt)).toEqual(["src/ok.ts:1"]);
  });

  it("annotates genuine failures only, each file and line once, messages without mentions", () => {
    expect(annotate("src/a.ts:1:1 - error", "flaky")).toEqual([]);
    const got = extractAnnotations(report([jobReport("genuine", { failure: failure({ excerpt: "src/a.ts:1:1 - error @someone\nsrc/a.ts:1:1 - error again" }) })]));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ annotation_level: "failure", start_line: 1, end_line: 1, message: "src/a.ts:1:1 - error @\u200Dsomeone" });
  });

  it(`stops at ${MAX_ANNOTATIONS} annotations`, () => {
    const jobs = Array.from({ length: 6 }, (_, j) =>
      jobReport("genuine", { failure: failure({ excerpt: Array.from({ length: 60 }, (_, i) => `src/f${j}.ts:${i + 1}:1 - error`).join("\n") }) }),
    );
    expect(extractAnnotations(report(jobs))).toHaveLength(MAX_ANNOTATIONS);
  });

  it("repoPath strips the runner workspace and refuses the rest", () => {
    expect(repoPath("/home/runner/work/widgets/widgets/src/a.ts")).toBe("src/a.ts");
    expect(repoPath("/__w/widgets/widgets/lib/b.py")).toBe("lib/b.py");
    expect(repoPath("/github/workspace/c.go")).toBe("c.go");
    expect(repoPath("/home/runner/work/widgets/widgets/../secrets.txt")).toBeNull();
    expect(repoPath("/etc/passwd.txt")).toBeNull();
    expect(repoPath("src/.git/config.x")).toBeNull();
  });
});

describe("annotations from real logs in the corpus", () => {
  const excerptOf = (file: string, from: number, to: number) => readCorpusFile(join(corpusDir(), "logs/genuine", file)).split("\n").slice(from - 1, to).join("\n");

  it("maven compilation errors of google/auto", () => {
    const got = annotate(excerptOf("gha-google-auto-maven-compilation-error.raw.log", 600, 620));
    expect(got).toContain("service/processor/src/main/java/com/google/auto/service/processor/AutoServiceProcessor.java:25");
    expect(got).toContain("value/src/test/java/com/google/auto/value/extension/memoized/MemoizedTest.java:21");
    expect(got.every((p) => !p.startsWith("/"))).toBe(true);
  });

  it("tsc errors of victory", () => {
    expect(annotate(excerptOf("gha-victory-typescript-ts2307-annotations.raw.log", 748, 748))).toEqual(["src/v37/victory-bar.stories.tsx:4"]);
  });
});
