// More held-out style genuine failures: npm 10's `npm error` wrapper, monorepo runners that prefix
// each task's lines (turbo), bundlers (esbuild, Vite, Next.js), Kotlin, RuboCop, ctest without the
// test's output, Swift Testing, Windows shells. Each must stay genuine and quote the tool's own
// error, never the wrapper.
import { describe, expect, it } from "vitest";
import { gha, lineOf, verdictOf } from "./held-out-logs.js";

interface Case {
  name: string;
  log: string;
  /** Text of the first line of the log the verdict must quote. */
  quote: string;
}

const cases: Case[] = [
  {
    name: "npm 10: the script's missing binary above npm's `npm error` lines",
    log: gha("npm test", [
      "> shop@1.0.0 test",
      "> jest --ci",
      "",
      "sh: 1: jest: not found",
      "npm error Lifecycle script `test` failed with error:",
      "npm error code 127",
      "npm error path /home/runner/work/shop/shop",
      "npm error workspace shop@1.0.0",
      "npm error location /home/runner/work/shop/shop",
      "npm error command failed",
      "npm error command sh -c jest --ci",
    ], { exitCode: 127 }),
    quote: "sh: 1: jest: not found",
  },
  {
    name: "npm 10: npm ci refuses an out-of-sync lock file",
    log: gha("npm ci", [
      "npm error code EUSAGE",
      "npm error",
      "npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.",
      "npm error",
      "npm error Missing: zod@3.23.8 from lock file",
      "npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2025-03-04T09_10_11_123Z-debug-0.log",
    ]),
    quote: "npm error `npm ci` can only install packages",
  },
  {
    name: "turbo: a jest failure inside the task's prefixed lines",
    log: gha("npx turbo run test", [
      "• Packages in scope: @acme/api, @acme/web",
      "• Running test in 2 packages",
      "@acme/web:test: cache miss, executing 3f1e2a7b9c0d",
      "@acme/web:test:  FAIL  src/cart.test.ts",
      "@acme/web:test:   ● cart › totals with tax",
      "@acme/web:test: ",
      "@acme/web:test:     expect(received).toBe(expected) // Object.is equality",
      "@acme/web:test: ",
      "@acme/web:test:     Expected: 108",
      "@acme/web:test:     Received: 107",
      "@acme/web:test: Tests:       1 failed, 41 passed, 42 total",
      "@acme/web:test: npm error Lifecycle script `test` failed with error:",
      "@acme/web:test: ERROR: command finished with error: command (/home/runner/work/shop/shop/apps/web) /usr/local/bin/npm run test exited (1)",
      "@acme/web#test: command (/home/runner/work/shop/shop/apps/web) /usr/local/bin/npm run test exited (1)",
      "",
      " Tasks:    1 successful, 2 total",
      "Failed:    @acme/web#test",
      "",
      " ERROR  run failed: command  exited (1)",
    ]),
    quote: "@acme/web:test:     expect(received).toBe(expected)",
  },
  {
    name: "esbuild: could not resolve an import",
    log: gha("node build.mjs", [
      "✘ [ERROR] Could not resolve \"./utils/format\"",
      "",
      "    src/cart.ts:1:23:",
      "      1 │ import { format } from \"./utils/format\";",
      "        ╵                        ~~~~~~~~~~~~~~~~",
      "",
      "1 error",
    ]),
    quote: "✘ [ERROR] Could not resolve",
  },
  {
    name: "Vite: the reason under `error during build:`",
    log: gha("npm run build", [
      "> shop@1.0.0 build",
      "> vite build",
      "vite v5.4.8 building for production...",
      "✓ 31 modules transformed.",
      "x Build failed in 412ms",
      "error during build:",
      "[vite]: Rollup failed to resolve import \"zod\" from \"/home/runner/work/shop/shop/src/config.ts\".",
      "This is most likely unintended because it can break your application at runtime.",
    ]),
    quote: "[vite]: Rollup failed to resolve import",
  },
  {
    name: "Next.js: a type error during next build",
    log: gha("npm run build", [
      "   ▲ Next.js 14.2.5",
      "   Creating an optimized production build ...",
      " ✓ Compiled successfully",
      "   Linting and checking validity of types  ...",
      "Failed to compile.",
      "",
      "./src/app/cart/page.tsx:14:7",
      "Type error: Type 'string' is not assignable to type 'number'.",
      "",
      "  12 |   const total: number = searchParams.total;",
    ]),
    quote: "Type error: Type 'string' is not assignable",
  },
  {
    name: "Gradle + Kotlin: the compiler's `e:` line",
    log: gha("./gradlew assembleDebug", [
      "> Task :app:compileDebugKotlin FAILED",
      "e: file:///home/runner/work/shop/shop/app/src/main/java/com/acme/shop/Cart.kt:14:20 Unresolved reference: tax",
      "",
      "FAILURE: Build failed with an exception.",
      "",
      "* What went wrong:",
      "Execution failed for task ':app:compileDebugKotlin'.",
      "> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction",
      "   > Compilation error. See log for more details",
      "",
      "BUILD FAILED in 48s",
    ]),
    quote: "Cart.kt:14:20 Unresolved reference: tax",
  },
  {
    name: "RuboCop: an offense",
    log: gha("bundle exec rubocop", [
      "Inspecting 42 files",
      "..........C...............................",
      "",
      "Offenses:",
      "",
      "app/models/cart.rb:14:5: C: [Correctable] Layout/IndentationWidth: Use 2 (not 4) spaces for indentation.",
      "    total * tax",
      "    ^^^^",
      "",
      "42 files inspected, 1 offense detected, 1 offense autocorrectable",
    ]),
    quote: "app/models/cart.rb:14:5: C:",
  },
  {
    name: "ctest without --output-on-failure: the failed test's line",
    log: gha("ctest --test-dir build", [
      "Test project /home/runner/work/calc/calc/build",
      "    Start 1: math_test",
      "1/2 Test #1: math_test ........................***Failed    0.01 sec",
      "    Start 2: io_test",
      "2/2 Test #2: io_test ..........................   Passed    0.01 sec",
      "",
      "50% tests passed, 1 tests failed out of 2",
      "",
      "Total Test time (real) =   0.03 sec",
      "",
      "The following tests FAILED:",
      "\t  1 - math_test (Failed)",
      "Errors while running CTest",
    ]),
    quote: "Test #1: math_test",
  },
  {
    name: "Swift Testing: the recorded issue",
    log: gha("swift test", [
      "Building for debugging...",
      "◇ Test run started.",
      "◇ Test totalAppliesTax() started.",
      "✘ Test totalAppliesTax() recorded an issue at CartTests.swift:21:5: Expectation failed: (cart.total → 107) == 108",
      "✘ Test totalAppliesTax() failed after 0.001 seconds with 1 issue.",
      "✘ Test run with 12 tests failed after 0.004 seconds with 1 issue.",
    ]),
    quote: "recorded an issue at CartTests.swift:21:5",
  },
  {
    name: "Windows cmd: a command that is not installed",
    log: gha("make.cmd", ["'protoc' is not recognized as an internal or external command,", "operable program or batch file."], { command: ["shell: C:\\Windows\\system32\\cmd.EXE /D /E:ON /V:OFF /S /C \"CALL \"{0}\"\""] }),
    quote: "'protoc' is not recognized as an internal or external command",
  },
  {
    name: "PowerShell: a command that is not installed",
    log: gha("protoc --version", [
      "protoc: D:\\a\\_temp\\2b7e4a51-62bd-4bd9-9a9e-1f4c3f3e6a5d.ps1:2",
      "Line |",
      "   2 |  protoc --version",
      "     |  ~~~~~~",
      "     | The term 'protoc' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    ]),
    quote: "The term 'protoc' is not recognized",
  },
];

describe("more held-out style genuine failures", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const v = verdictOf(c.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
    expect(v.line, `quoted ${JSON.stringify(v.matchedText)}`).toBe(lineOf(c.log, c.quote));
  });
});
