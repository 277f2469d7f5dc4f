// PGlite is one process's database: two Sift processes on one SIFT_DATA_DIR would corrupt it.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError } from "./errors.js";

export function acquireDataDirLock(dataDir: string): () => void {
  const file = join(dataDir, "sift.pid");
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new DatabaseError(`SIFT_DATA_DIR: cannot write ${file}: ${(err as Error).message}`);
    }
    const holder = Number(readFileSync(file, "utf8").trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DatabaseError(
        `SIFT_DATA_DIR: ${dataDir} is in use by process ${holder}; PGlite allows one process (use DATABASE_URL for replicas)`,
      );
    }
    writeFileSync(file, String(process.pid)); // a stale lock of a dead process
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
