// One naming style for files: kebab-case, named after what they export (../shared/STYLE.md).
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*\.ts$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : files(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

const notKebab = (names: string[]) => names.filter((n) => !KEBAB.test(n.split("/").pop()!));

describe("file names", () => {
  it("are kebab-case in src/ and test/", () => {
    const all = [...files(join(ROOT, "src")), ...files(join(ROOT, "test"))].map((f) => relative(ROOT, f));
    expect(all.length).toBeGreaterThan(300);
    expect(notKebab(all)).toEqual([]);
  });

  it("the check itself can fail", () => {
    expect(notKebab(["src/logs/cleanBytes.ts", "test/x/raw-scan.test.ts", "src/a/b_c.ts"])).toEqual(["src/logs/cleanBytes.ts", "src/a/b_c.ts"]);
  });
});
