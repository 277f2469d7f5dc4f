// Held-out style genuine failures of compilers, linters, formatters, build systems, scripts and
// deployment tools: realistic output of each tool with the CI wrappers around it. Each must stay
// genuine and quote the tool's own error, never the wrapper (make, npm, the runner's exit line).
import { describe, expect, it } from "vitest";
import { buildkite, gha, gitlab, jenkins, lineOf, verdictOf } from "./held-out-logs.js";

interface Case {
  name: string;
  log: string;
  /** Text of the first line of the log the verdict must quote. */
  quote: string;
}

const cases: Case[] = [
  {
    name: "cargo build: a type error",
    log: gha("cargo build --locked", [
      "   Compiling shop v0.1.0 (/home/runner/work/shop/shop)",
      "error[E0308]: mismatched types",
      "  --> src/cart.rs:14:20",
      "   |",
      "14 |     let total: u32 = price * 1.07;",
      "   |                ---   ^^^^^^^^^^^^ expected `u32`, found `f64`",
      "",
      "For more information about this error, try `rustc --explain E0308`.",
      "error: could not compile `shop` (lib) due to 1 previous error",
    ]),
    quote: "error[E0308]: mismatched types",
  },
  {
    name: "Gradle: Could not find or load main class",
    log: gha("./gradlew run", [
      "> Task :compileJava UP-TO-DATE",
      "> Task :run FAILED",
      "Error: Could not find or load main class com.acme.shop.Main",
      "Caused by: java.lang.ClassNotFoundException: com.acme.shop.Main",
      "",
      "FAILURE: Build failed with an exception.",
      "",
      "* What went wrong:",
      "Execution failed for task ':run'.",
      "> Process 'command '/usr/lib/jvm/temurin-17-jdk-amd64/bin/java'' finished with non-zero exit value 1",
      "",
      "* Try:",
      "> Run with --stacktrace option to get the stack trace.",
      "",
      "BUILD FAILED in 3s",
    ]),
    quote: "Error: Could not find or load main class com.acme.shop.Main",
  },
  {
    name: "msbuild: a C# compile error with its project suffix",
    log: gha("dotnet build -c Release", [
      "  Determining projects to restore...",
      "  All projects are up-to-date for restore.",
      "/home/runner/work/shop/shop/src/Cart.cs(14,20): error CS0103: The name 'tax' does not exist in the current context [/home/runner/work/shop/shop/src/Shop.csproj]",
      "",
      "Build FAILED.",
      "",
      "/home/runner/work/shop/shop/src/Cart.cs(14,20): error CS0103: The name 'tax' does not exist in the current context [/home/runner/work/shop/shop/src/Shop.csproj]",
      "    0 Warning(s)",
      "    1 Error(s)",
      "",
      "Time Elapsed 00:00:04.21",
    ]),
    quote: "error CS0103",
  },
  {
    name: "tsc --noEmit: pretty diagnostics and the error count",
    log: gha("npm run typecheck", [
      "> shop@1.0.0 typecheck",
      "> tsc --noEmit",
      "",
      "src/cart.ts:14:7 - error TS2322: Type 'string' is not assignable to type 'number'.",
      "",
      '14 const port: number = process.env.PORT ?? "3000";',
      "         ~~~~",
      "",
      "",
      "Found 1 error in src/cart.ts:14",
      "",
    ]),
    quote: "error TS2322",
  },
  {
    name: "eslint: the error, not the problem count",
    log: gha("npx eslint .", [
      "",
      "/home/runner/work/shop/shop/src/cart.ts",
      "  14:7   error    'tax' is assigned a value but never used  @typescript-eslint/no-unused-vars",
      "  20:1   warning  Unexpected console statement              no-console",
      "",
      "✖ 2 problems (1 error, 1 warning)",
      "",
    ]),
    quote: "'tax' is assigned a value but never used",
  },
  {
    name: "prettier --check: the files with style issues",
    log: gha("npx prettier --check .", ["Checking formatting...", "[warn] src/cart.ts", "[warn] src/checkout.ts", "[warn] Code style issues found in 2 files. Run Prettier with --write to fix."]),
    quote: "[warn] Code style issues found in 2 files",
  },
  {
    name: "black --check",
    log: gha("black --check .", ["would reformat /home/runner/work/shop/shop/src/cart.py", "", "Oh no! 💥 💔 💥", "1 file would be reformatted, 12 files would be left unchanged."]),
    quote: "would reformat /home/runner/work/shop/shop/src/cart.py",
  },
  {
    name: "ruff check (concise output)",
    log: gha("ruff check .", ["src/cart.py:14:5: F841 [*] Local variable `tax` is assigned to but never used", "Found 1 error.", "[*] 1 fixable with the `--fix` option."]),
    quote: "src/cart.py:14:5: F841",
  },
  {
    name: "flake8",
    log: gha("flake8 src", ["./src/cart.py:14:5: F841 local variable 'tax' is assigned to but never used", "./src/cart.py:31:80: E501 line too long (88 > 79 characters)"]),
    quote: "./src/cart.py:14:5: F841",
  },
  {
    name: "mypy: an error with its code, then the summary",
    log: gha("mypy src", [
      'src/cart.py:14: error: Argument 1 to "total" has incompatible type "str"; expected "int"  [arg-type]',
      'src/cart.py:20: note: "total" defined here',
      "Found 1 error in 1 file (checked 12 source files)",
    ]),
    quote: "src/cart.py:14: error: Argument 1",
  },
  {
    name: "swift build: a compiler error",
    log: gha("swift build", [
      "Building for debugging...",
      "/home/runner/work/shop/shop/Sources/Shop/Cart.swift:14:24: error: cannot find 'tax' in scope",
      "        return total * tax",
      "                       ^~~",
      "error: fatalError",
    ]),
    quote: "Cart.swift:14:24: error: cannot find 'tax' in scope",
  },
  {
    name: "xcodebuild: the compile error above ** BUILD FAILED **",
    log: gha("xcodebuild -scheme Shop build", [
      "CompileSwift normal arm64 /Users/runner/work/shop/shop/Shop/Cart.swift (in target 'Shop' from project 'Shop')",
      "/Users/runner/work/shop/shop/Shop/Cart.swift:14:24: error: cannot find 'tax' in scope",
      "        return total * tax",
      "                       ^~~",
      "",
      "** BUILD FAILED **",
      "",
      "",
      "The following build commands failed:",
      "\tCompileSwift normal arm64 /Users/runner/work/shop/shop/Shop/Cart.swift (in target 'Shop' from project 'Shop')",
      "(1 failure)",
    ]),
    quote: "Cart.swift:14:24: error: cannot find 'tax' in scope",
  },
  {
    name: "bazel build: the compiler error inside the action",
    log: gha("bazel build //...", [
      "INFO: Analyzed 12 targets (0 packages loaded, 0 targets configured).",
      "ERROR: /home/runner/work/shop/shop/shop/cart/BUILD.bazel:3:11: Compiling shop/cart/cart.cc failed: (Exit 1): gcc failed: error executing CppCompile command (from target //shop/cart:cart) /usr/bin/gcc -U_FORTIFY_SOURCE -fstack-protector -Wall",
      "shop/cart/cart.cc:14:20: error: 'tax' was not declared in this scope",
      "   14 |   return total * tax;",
      "      |                  ^~~",
      "Target //shop/cart:cart failed to build",
      "Use --verbose_failures to see the command lines of failed build steps.",
      "INFO: Elapsed time: 4.2s, Critical Path: 3.9s",
      "INFO: 4 processes: 4 internal.",
      "FAILED: Build did NOT complete successfully",
    ]),
    quote: "cart.cc:14:20: error: 'tax' was not declared in this scope",
  },
  {
    name: "bazel build: a BUILD file error only",
    log: gha("bazel build //...", [
      "ERROR: /home/runner/work/shop/shop/shop/cart/BUILD.bazel:9:11: no such target '//shop/money:money': target 'money' not declared in package 'shop/money' defined by /home/runner/work/shop/shop/shop/money/BUILD.bazel and referenced by '//shop/cart:cart'",
      "ERROR: Analysis of target '//shop/cart:cart' failed; build aborted: Analysis failed",
      "INFO: Elapsed time: 0.4s",
      "INFO: 0 processes.",
      "FAILED: Build did NOT complete successfully (1 packages loaded, 0 targets configured)",
    ]),
    quote: "no such target '//shop/money:money'",
  },
  {
    name: "cmake + ninja: the compiler error under FAILED:",
    log: gha("cmake --build build", [
      "[12/40] Building CXX object src/CMakeFiles/core.dir/cart.cpp.o",
      "FAILED: src/CMakeFiles/core.dir/cart.cpp.o ",
      "/usr/bin/c++  -I/home/runner/work/shop/shop/include -O2 -MD -MT src/CMakeFiles/core.dir/cart.cpp.o -c /home/runner/work/shop/shop/src/cart.cpp",
      "/home/runner/work/shop/shop/src/cart.cpp:14:20: error: 'tax' was not declared in this scope",
      "   14 |   return total * tax;",
      "      |                  ^~~",
      "ninja: build stopped: subcommand failed.",
    ]),
    quote: "cart.cpp:14:20: error: 'tax' was not declared in this scope",
  },
  {
    name: "make + ld: an undefined reference, not collect2's summary",
    log: gha("make", [
      "cc -o app main.o cart.o",
      "/usr/bin/ld: cart.o: in function `total':",
      "cart.c:(.text+0x1d): undefined reference to `tax_rate'",
      "collect2: error: ld returned 1 exit status",
      "make: *** [Makefile:4: app] Error 1",
    ]),
    quote: "undefined reference to `tax_rate'",
  },
  {
    name: "a set -e shell script: command not found",
    log: gha("./ci.sh", ["+ ./scripts/generate.sh", "Generating fixtures...", "./ci.sh: line 12: protoc: command not found"], { command: ["./ci.sh", "shell: /usr/bin/bash -e {0}"] }),
    quote: "./ci.sh: line 12: protoc: command not found",
  },
  {
    name: "an inline run script on the runner: No such file or directory",
    log: gha("./scripts/release.sh", ["/home/runner/work/_temp/5a1f0c7e-1d5b-4c1f-9d2a-7f1f3c0e9b11.sh: line 1: ./scripts/release.sh: No such file or directory"], { exitCode: 127 }),
    quote: "./scripts/release.sh: No such file or directory",
  },
  {
    name: "terraform plan: a reference to an undeclared resource",
    log: gha("terraform plan -input=false", [
      "Terraform used the selected providers to generate the following execution plan.",
      "╷",
      "│ Error: Reference to undeclared resource",
      "│ ",
      '│   on main.tf line 14, in resource "aws_instance" "web":',
      "│   14:   subnet_id = aws_subnet.main.id",
      "│ ",
      '│ A managed resource "aws_subnet" "main" has not been declared in the root module.',
      "╵",
      "Error: Terraform exited with code 1.",
    ]),
    quote: "│ Error: Reference to undeclared resource",
  },
  {
    name: "helm upgrade: the chart fails to render",
    log: gha("helm upgrade --install shop ./chart", [
      'Release "shop" does not exist. Installing it now.',
      'Error: INSTALLATION FAILED: template: shop/templates/deployment.yaml:24:28: executing "shop/templates/deployment.yaml" at <.Values.image.tag>: nil pointer evaluating interface {}.tag',
    ]),
    quote: "Error: INSTALLATION FAILED",
  },
  {
    name: "kubectl apply: an invalid manifest",
    log: gha("kubectl apply -f k8s/", [
      "configmap/shop-config unchanged",
      'The Deployment "shop" is invalid: spec.template.spec.containers[0].image: Required value',
    ]),
    quote: 'The Deployment "shop" is invalid',
  },
  {
    name: "node: ERR_MODULE_NOT_FOUND",
    log: gha("node dist/migrate.js", [
      "node:internal/modules/esm/resolve:854",
      "  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);",
      "        ^",
      "",
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /home/runner/work/shop/shop/dist/config.js",
      "    at packageResolve (node:internal/modules/esm/resolve:854:9)",
      "    at moduleResolve (node:internal/modules/esm/resolve:927:18)",
      "",
      "Node.js v20.11.1",
    ]),
    quote: "Error [ERR_MODULE_NOT_FOUND]",
  },
  {
    name: "python: a script's traceback ending in ModuleNotFoundError",
    log: gha("python scripts/migrate.py", [
      "Traceback (most recent call last):",
      '  File "/home/runner/work/shop/shop/scripts/migrate.py", line 3, in <module>',
      "    import yaml",
      "ModuleNotFoundError: No module named 'yaml'",
    ]),
    quote: "ModuleNotFoundError: No module named 'yaml'",
  },
  {
    name: "python: a script's traceback ending in the project's own exception",
    log: gha("python -m shop.cli check-config", [
      "Loading config/production.toml",
      "Traceback (most recent call last):",
      '  File "<frozen runpy>", line 198, in _run_module_as_main',
      '  File "/home/runner/work/shop/shop/shop/cli.py", line 41, in <module>',
      "    main()",
      '  File "/home/runner/work/shop/shop/shop/config.py", line 88, in load',
      '    raise ConfigError(f"missing key {key!r}")',
      "shop.config.ConfigError: missing key 'payments.currency'",
    ]),
    quote: "shop.config.ConfigError: missing key",
  },
  {
    name: "Jenkins: a Maven compile error with the Timestamper's prefix",
    log: jenkins(
      [
        "+ mvn -B -q package",
        "[ERROR] COMPILATION ERROR : ",
        "[ERROR] /home/jenkins/workspace/shop-ci/src/main/java/com/acme/shop/Cart.java:[14,20] cannot find symbol",
        "  symbol:   variable tax",
        "  location: class com.acme.shop.Cart",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project shop: Compilation failure",
      ],
      { timestamps: true },
    ),
    quote: "Cart.java:[14,20] cannot find symbol",
  },
  {
    name: "GitLab: eslint inside npm run lint",
    log: gitlab([
      "\x1b[32;1m$ npm run lint\x1b[0;m",
      "> shop@1.0.0 lint",
      "> eslint src",
      "/builds/acme/shop/src/cart.ts",
      "  14:7  error  'tax' is assigned a value but never used  no-unused-vars",
      "✖ 1 problem (1 error, 0 warnings)",
      "npm ERR! Lifecycle script `lint` failed with error:",
      "npm ERR! Error: command failed",
    ]),
    quote: "'tax' is assigned a value but never used",
  },
  {
    name: "Buildkite: a go vet finding",
    log: buildkite(["$ go vet ./...", "# github.com/acme/shop/cart", "cart/cart.go:31:2: fmt.Sprintf format %d has arg total of wrong type float64"]),
    quote: "cart/cart.go:31:2: fmt.Sprintf format %d",
  },
];

describe("held-out style genuine failures of build and deploy tools", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const v = verdictOf(c.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
    expect(v.line, `quoted ${JSON.stringify(v.matchedText)}`).toBe(lineOf(c.log, c.quote));
  });
});
