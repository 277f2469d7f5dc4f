// Whether a pull request changes a failing test's file: by path suffix when the runner printed the
// file, else by the id's class or module name, and for go by a `_test.go` file of the test's package.
import { describe, expect, it } from "vitest";
import { changedTestFile } from "../../src/decide/index.js";

describe("changedTestFile", () => {
  it("compares the runner's path with the PR's by suffix, either way round", () => {
    const changed = ["web/src/cart/cart.test.js", "README.md"];
    expect(changedTestFile({ id: "Cart › total", file: "src/cart/cart.test.js" }, changed)).toBe("web/src/cart/cart.test.js");
    expect(changedTestFile({ id: "Cart › total", file: "/home/runner/work/app/app/web/src/cart/cart.test.js" }, changed)).toBe("web/src/cart/cart.test.js");
    expect(changedTestFile({ id: "Cart › total", file: "./src/cart/cart.test.js" }, changed)).toBe("web/src/cart/cart.test.js");
    expect(changedTestFile({ id: "Cart › total", file: "art/cart.test.js" }, changed)).toBeNull(); // not a whole path segment
    expect(changedTestFile({ id: "Cart › total", file: "src/cart/cart.test.js" }, ["src/cart/cart.js"])).toBeNull();
  });

  it("matches a test without a file by its class or module", () => {
    expect(changedTestFile({ id: "org.acme.CartTest.appliesDiscount" }, ["core/src/test/java/org/acme/CartTest.java"])).not.toBeNull();
    expect(changedTestFile({ id: "tests.test_cart.TestCart.test_total" }, ["tests/test_cart.py"])).not.toBeNull();
    expect(changedTestFile({ id: "org.acme.CartTest.appliesDiscount" }, ["core/src/main/java/org/acme/Cart.java"])).toBeNull();
  });

  it("matches a go test by a changed _test.go file of its package only", () => {
    const id = "github.com/acme/shop/pkg/cart.TestTotal/with_discount";
    expect(changedTestFile({ id }, ["pkg/cart/total_test.go"])).toBe("pkg/cart/total_test.go");
    expect(changedTestFile({ id }, ["pkg/cart/total.go", "cmd/github/main_test.go", "pkg/other/cart_test.go"])).toBeNull();
  });
});
