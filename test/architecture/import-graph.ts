// What the architecture tests read: the relative imports of the TypeScript files under a folder, and a
// cycle in the arrows they draw between units (folders, or files).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** The .ts files under `dir`, Prisma's generated client left out. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : tsFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import under `root`: [importing file, imported file], both relative to root (an import from outside it starts with ".."). */
export function relativeImports(root: string): [string, string][] {
  return tsFiles(root).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m): [string, string] => [relative(root, file), relative(root, resolve(dirname(file), m[1]!))]),
  );
}

/** A cycle, as a path that starts and ends with the same unit, or null. */
export function findCycle(arrows: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (stack.includes(n)) return [...stack.slice(stack.indexOf(n)), n];
    if (done.has(n)) return null;
    stack.push(n);
    for (const m of [...(arrows.get(n) ?? [])].sort()) {
      const found = visit(m);
      if (found) return found;
    }
    stack.pop();
    done.add(n);
    return null;
  };
  for (const n of [...arrows.keys()].sort()) {
    const found = visit(n);
    if (found) return found;
  }
  return null;
}
