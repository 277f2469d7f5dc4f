// Held-out style mixed traps: a genuine failure beside something that looks like infrastructure or
// like an error — a test the runner re-tried until it passed, errors printed by a passing step or
// by post-job cleanup, a build inside `docker build`, the CI system's own wrappers. Each must stay
// genuine and quote the genuine failure's line.
import { describe, expect, it } from "vitest";
import { gha, jenkins, lineOf, verdictOf } from "./held-out-logs.js";

interface Trap {
  name: string;
  log: string;
  /** Text of the first line of the log the verdict must quote, or null when no line qualifies. */
  quote: string | null;
}

const callLog = Array.from({ length: 70 }, (_, i) => `      - waiting for getByTestId('total') (attempt ${i + 1})`);

const traps: Trap[] = [
  {
    name: "Playwright: a long failure, then a flaky test's network error (it passed on retry)",
    log: gha("npx playwright test", [
      "Running 24 tests using 2 workers",
      "  1) [chromium] › tests/cart.spec.ts:12:5 › cart › checkout total ───────────────────────────────",
      "",
      "    Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)",
      "",
      "    Locator: getByTestId('total')",
      '    Expected string: "$108.00"',
      '    Received string: "$107.00"',
      "    Call log:",
      ...callLog,
      "",
      "        at /home/runner/work/shop/shop/tests/cart.spec.ts:15:43",
      "",
      "  2) [chromium] › tests/login.spec.ts:20:5 › login › remembers me ──────────────────────────────",
      "",
      "    Error: page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:3000/login",
      "    Call log:",
      '      - navigating to "http://localhost:3000/login", waiting until "load"',
      "",
      "        at /home/runner/work/shop/shop/tests/login.spec.ts:21:16",
      "",
      "  1 failed",
      "    [chromium] › tests/cart.spec.ts:12:5 › cart › checkout total ────────────────────────────────",
      "  1 flaky",
      "    [chromium] › tests/login.spec.ts:20:5 › login › remembers me ───────────────────────────────",
      "  22 passed (41.3s)",
    ]),
    quote: "Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)",
  },
  {
    name: "Gradle test-retry: a test's first attempt times out and passes on retry; another test fails twice",
    log: gha("./gradlew test", [
      "> Task :test",
      "",
      "PaymentTest > charges() FAILED",
      "    java.net.SocketTimeoutException: Read timed out",
      "        at java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
      "",
      "CartTest > totalWithTax() FAILED",
      "    org.opentest4j.AssertionFailedError: expected: <108> but was: <107>",
      "        at app//com.acme.shop.CartTest.totalWithTax(CartTest.java:21)",
      "",
      "PaymentTest > charges() PASSED",
      "",
      "CartTest > totalWithTax() FAILED",
      "    org.opentest4j.AssertionFailedError: expected: <108> but was: <107>",
      "        at app//com.acme.shop.CartTest.totalWithTax(CartTest.java:21)",
      "",
      "42 tests completed, 2 failed",
      "",
      "> Task :test FAILED",
      "",
      "FAILURE: Build failed with an exception.",
      "",
      "* What went wrong:",
      "Execution failed for task ':test'.",
      "> There were failing tests. See the report at: file:///home/runner/work/shop/shop/build/reports/tests/test/index.html",
    ]),
    quote: "    org.opentest4j.AssertionFailedError: expected: <108> but was: <107>",
  },
  {
    name: "Gradle test-retry: the re-tried test's refused connection does not make another test's exception flaky",
    log: gha("./gradlew check", [
      "> Task :test",
      "",
      "PaymentGatewayTest > chargesTheCard() FAILED",
      "    java.net.ConnectException: Connection refused",
      "        at java.base/sun.nio.ch.Net.connect0(Native Method)",
      "",
      "CheckoutTest > rejectsEmptyCart() FAILED",
      "    java.lang.IllegalStateException: cart is empty",
      "        at app//com.acme.shop.Checkout.submit(Checkout.java:40)",
      "",
      "PaymentGatewayTest > chargesTheCard() PASSED",
      "",
      "CheckoutTest > rejectsEmptyCart() FAILED",
      "    java.lang.IllegalStateException: cart is empty",
      "        at app//com.acme.shop.Checkout.submit(Checkout.java:40)",
      "",
      "57 tests completed, 2 failed",
      "",
      "> Task :test FAILED",
    ]),
    quote: "    java.lang.IllegalStateException: cart is empty",
  },
  {
    name: "pytest-rerunfailures: a rerun test hit a refused connection and passed; another test fails",
    log: gha("pytest -v --reruns 2", [
      "tests/test_api.py::test_fetch_rates RERUN                                 [ 50%]",
      "tests/test_api.py::test_fetch_rates PASSED                                [ 50%]",
      "tests/test_cart.py::test_total FAILED                                     [100%]",
      "",
      "=================================== FAILURES ===================================",
      "__________________________________ test_total __________________________________",
      ">       assert total([1, 2]) == 4",
      "E       assert 3 == 4",
      "tests/test_cart.py:7: AssertionError",
      "=========================== rerun test summary info ============================",
      "RERUN tests/test_api.py::test_fetch_rates - requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.rates.example', port=443): Max retries exceeded with url: /v1/latest (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection: [Errno 111] Connection refused'))",
      "=========================== short test summary info ============================",
      "FAILED tests/test_cart.py::test_total - assert 3 == 4",
      "=================== 1 failed, 1 passed, 1 rerun in 3.02s ====================",
    ]),
    quote: "E       assert 3 == 4",
  },
  {
    name: "rspec-retry: an example timed out once and passed; another example fails its expectation",
    log: gha("bundle exec rspec", [
      "",
      "RSpec::Retry: 2nd try ./spec/rates_spec.rb:8",
      "",
      "1st Try error in ./spec/rates_spec.rb:8:",
      "Net::ReadTimeout with #<TCPSocket:(closed)>",
      "",
      "..F.",
      "",
      "Failures:",
      "",
      "  1) Cart#total applies tax",
      "     Failure/Error: expect(cart.total).to eq(108)",
      "",
      "       expected: 108",
      "            got: 107",
      "",
      "     # ./spec/cart_spec.rb:14:in `block (3 levels) in <top (required)>'",
      "",
      "12 examples, 1 failure",
    ]),
    quote: "Failure/Error: expect(cart.total).to eq(108)",
  },
  {
    name: "a passing step printed network errors; the failing step is a compile error",
    log: gha(
      "go build ./...",
      ["# github.com/acme/shop/cart", "cart/cart.go:14:9: undefined: taxRate"],
      {
        before: [
          "##[group]Run go mod download",
          "go mod download",
          "##[endgroup]",
          "go: downloading github.com/lib/pq v1.10.9",
          "Error: read tcp 10.1.0.4:52144->142.250.72.113:443: read: connection reset by peer (retrying)",
          "go: downloading golang.org/x/text v0.14.0",
        ],
      },
    ),
    quote: "cart/cart.go:14:9: undefined: taxRate",
  },
  {
    name: "post-job cleanup fails to save the cache after a failing test",
    log: gha("npm test", [" FAIL  src/cart.test.ts", "  ● cart › totals with tax", "", "    expect(received).toBe(expected) // Object.is equality", "", "    Expected: 108", "    Received: 107"], {
      cleanup: ["Post job cleanup.", "##[error]Failed to save: Unable to reserve cache with key node-cache-Linux-npm-3f1e, another job may be creating this cache. More details: read ECONNRESET", "[command]/usr/bin/git version"],
    }),
    quote: "expect(received).toBe(expected)",
  },
  {
    name: "docker build: the tests inside a RUN step fail (BuildKit's step prefixes)",
    log: gha("docker build --progress=plain -t shop .", [
      "#11 [test 4/4] RUN npm test",
      "#11 1.204 > shop@1.0.0 test",
      "#11 1.204 > jest --ci",
      "#11 4.880  FAIL  src/cart.test.ts",
      "#11 4.881   ● cart › totals with tax",
      "#11 4.881 ",
      "#11 4.881     expect(received).toBe(expected) // Object.is equality",
      "#11 4.881 ",
      "#11 4.881     Expected: 108",
      "#11 4.881     Received: 107",
      "#11 4.902 Tests:       1 failed, 41 passed, 42 total",
      "#11 ERROR: process \"/bin/sh -c npm test\" did not complete successfully: exit code: 1",
      "------",
      " > [test 4/4] RUN npm test:",
      "------",
      "ERROR: failed to solve: process \"/bin/sh -c npm test\" did not complete successfully: exit code: 1",
    ]),
    quote: "#11 4.881     expect(received).toBe(expected)",
  },
  {
    name: "docker build: a compile error inside a RUN step",
    log: gha("docker build -t shop .", [
      "#9 [build 3/3] RUN go build -o /out/shop ./cmd/shop",
      "#9 12.31 # github.com/acme/shop/cart",
      "#9 12.31 cart/cart.go:14:9: undefined: taxRate",
      "#9 ERROR: process \"/bin/sh -c go build -o /out/shop ./cmd/shop\" did not complete successfully: exit code: 1",
      "ERROR: failed to solve: process \"/bin/sh -c go build -o /out/shop ./cmd/shop\" did not complete successfully: exit code: 1",
    ]),
    quote: "cart/cart.go:14:9: undefined: taxRate",
  },
  {
    name: "Jenkins pipeline: a segfault, not the pipeline's exit-code wrapper",
    log: jenkins([
      "[Pipeline] stage",
      "[Pipeline] { (Test)",
      "[Pipeline] sh",
      "+ ./build/tests/unit",
      "Running 112 tests...",
      "Segmentation fault (core dumped)",
      "[Pipeline] }",
      "[Pipeline] // stage",
      "[Pipeline] End of Pipeline",
      "ERROR: script returned exit code 139",
    ]),
    quote: "Segmentation fault (core dumped)",
  },
  {
    name: "Jenkins pipeline: nothing recognisable, so no line rather than the wrapper",
    log: jenkins(["[Pipeline] sh", "+ ./deploy.sh", "deploying shop to staging", "[Pipeline] End of Pipeline", "ERROR: script returned exit code 3"]),
    quote: null,
  },
  {
    name: "jest: every test passed but the coverage threshold is not met",
    log: gha("npx jest --coverage --ci", [
      " PASS  src/cart.test.ts",
      " PASS  src/money.test.ts",
      "----------|---------|----------|---------|---------|-------------------",
      "File      | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s ",
      "----------|---------|----------|---------|---------|-------------------",
      "All files |   78.12 |    66.67 |      80 |   78.12 |                   ",
      "----------|---------|----------|---------|---------|-------------------",
      'Jest: "global" coverage threshold for lines (80%) not met: 78.12%',
      "Test Suites: 2 passed, 2 total",
      "Tests:       14 passed, 14 total",
    ]),
    quote: 'Jest: "global" coverage threshold for lines (80%) not met',
  },
  {
    name: "Cypress retried a test (attempts) and it still failed",
    log: gha("npx cypress run", [
      "  checkout",
      "    (Attempt 1 of 3) applies a coupon",
      "    (Attempt 2 of 3) applies a coupon",
      "    1) applies a coupon",
      "",
      "  0 passing (14s)",
      "  1 failing",
      "",
      "  1) checkout",
      "       applies a coupon:",
      "     AssertionError: expected '<span#total>' to have text '$90.00', but the text was '$100.00'",
      "      at Context.eval (webpack://shop/./cypress/e2e/checkout.cy.ts:18:32)",
    ]),
    quote: "AssertionError: expected '<span#total>'",
  },
];

describe("held-out style mixed traps stay genuine", () => {
  it.each(traps.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    const v = verdictOf(t.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
    if (t.quote === null) expect(v, `quoted ${JSON.stringify(v.matchedText)}`).toMatchObject({ line: null, patternId: "sift.genuine.unknown" });
    else expect(v.line, `quoted ${JSON.stringify(v.matchedText)}`).toBe(lineOf(t.log, t.quote));
  });
});
