// The failing-test extractor over real corpus logs: the ids asserted here are the ones a person
// reads in those logs (see each log's failing step).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { failingTests, failingTestsInSource } from "../../src/classify/failing-tests.js";
import { compilePatternSet, memoryTextSource } from "../../src/classify/index.js";
import { runnerFlakyReports } from "../../src/classify/runner-flaky-reports.js";
import { normaliseLog } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";

const log = (folder: string, name: string) => {
  const file = corpusLogs(folder).find((f) => f.endsWith(name));
  if (!file) throw new Error(`corpus log ${name} missing`);
  return normaliseLog(readFileSync(file));
};
/** PyTorch fixtures mark their expected line in-band: strip the markers (see logs/pytorch/PROVENANCE.md). */
const pytorch = (name: string) => {
  const file = corpusLogs("pytorch").find((f) => f.endsWith(name)) as string;
  const lines = readFileSync(file, "utf8").split("\n");
  const dropped = lines[0]?.startsWith("#=SOURCE=#") ? 1 : 0;
  return normaliseLog(lines.slice(dropped).map((l) => l.replace(/^#=MATCH=# /, "").replace(/[‹›]/g, "")).join("\n"));
};
const ids = (folder: string, name: string) => {
  const l = folder === "pytorch" ? pytorch(name) : log(folder, name);
  return failingTests((n) => l.line(n), 1, l.lineCount).tests.map((t) => [t.runner, t.id, t.file ?? null]);
};

describe("failing tests in real logs", () => {
  it("Gradle JUnit failure (cidiff): the one FAILED test among many PASSED", () => {
    expect(ids("genuine", "gha-cidiff-gradle-junit-test-failure.raw.log")).toEqual([["gradle", "ConsoleClientTest > testClassicParsing()", null]]);
  });

  it("Gradle test failure in gh-cli format", () => {
    expect(ids("genuine", "gha-cidiff-gradle-test-failure.gh-cli-format.log")).toEqual([["gradle", "LogDifferTest > testGithubParsing()", null]]);
  });

  it("jest with ANSI colours (svgo): the test under its FAIL file, not the ● Console blocks", () => {
    expect(ids("genuine", "gha-svgo-jest-failure-ansi.raw.log")).toEqual([["jest", 'output as stream when "-" is specified', "test/cli/cli.test.js"]]);
  });

  it("Maven surefire (commons-lang): the qualified test, once, from its per-test line and its summary", () => {
    expect(ids("genuine", "jenkins-maven-junit-assertion-commons-lang.log")).toEqual([["maven", "org.apache.commons.lang3.time.DurationUtilsTest.testOfConsumer", null]]);
  });

  it("PHPUnit via composer (Travis): three failures, data sets kept apart", () => {
    expect(ids("genuine", "travis-composer-phpunit-assertion.log")).toEqual([
      ["phpunit", "Composer\\Test\\Util\\StreamContextFactoryTest::testHttpsProxyOverride", null],
      ["phpunit", "Composer\\Test\\Util\\StreamContextFactoryTest::testSSLProxy with data set #0", null],
      ["phpunit", "Composer\\Test\\Util\\StreamContextFactoryTest::testSSLProxy with data set #1", null],
    ]);
  });

  it("PyTorch: FAILED CONSISTENTLY and the pytest summary name one test, by its repository path", () => {
    expect(ids("pytorch", "unittest_failed_consistently.txt")).toEqual([
      ["pytest", "test/dynamo/test_dynamic_shapes.py::DynamicShapesReproTests::test_vars_traced_correctly_under_compile_dynamic_shapes", "test/dynamo/test_dynamic_shapes.py"],
    ]);
  });

  it("PyTorch: a test pytest-rerunfailures re-ran and that still FAILED is failing, not flaky", () => {
    expect(ids("pytorch", "pytest_failures_section.txt")).toEqual([["pytest", "test_torch.py::TestTorchDeviceTypeCPU::test_cauchy_kstest_cpu_bfloat16", "test_torch.py"]]);
    const l = pytorch("pytest_failures_section.txt");
    expect(runnerFlakyReports((n) => l.line(n), 1, l.lineCount)).toEqual([]);
  });

  it("victory: beside its TS2307 annotations the job failed on a jest test, printed twice", () => {
    expect(ids("genuine", "gha-victory-typescript-ts2307-annotations.raw.log")).toEqual([["jest", "victory-core › should export everything", "packages/victory-core/src/exports.test.ts"]]);
  });

  it("logs without test runs name no test (compile errors, lint, infrastructure)", () => {
    const logs = [
      ["genuine", "gha-google-auto-maven-compilation-error.raw.log"],
      ["genuine", "gha-tagstudio-ruff-format-check.raw.log"],
      ["genuine", "gha-trl-pre-commit-ruff-lint.raw.log"],
      ["genuine", "jenkins-maven-compilation-error-astor.log"],
      ["infra", "jenkins-git-clone-http-503-spork.log"],
      ["infra", "gha-apache-dubbo-operation-was-canceled.raw.log"],
    ] as const;
    for (const [folder, name] of logs) expect(ids(folder, name), name).toEqual([]);
  });

  it("the TextSource path reads the same tests as the line accessor", () => {
    const l = log("genuine", "jenkins-maven-junit-assertion-commons-lang.log");
    const source = memoryTextSource(l, compilePatternSet([]));
    expect(failingTestsInSource(source, 1, l.lineCount)).toEqual(failingTests((n) => l.line(n), 1, l.lineCount));
  });
});
