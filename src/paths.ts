// Where Sift's own files are, whether it runs from src/ (tests) or dist/src/ (npm start, Docker).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Sift's package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const migrationsDir = join(projectRoot, "prisma", "migrations");
export const viewsDir = join(projectRoot, "views");
