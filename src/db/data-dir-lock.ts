// PGlite is one process's database: two Sift processes on one SIFT_DATA_DIR would corrupt it, and
// both would acknowledge deliveries. A pid file alone is advisory (delete it and a second process
// starts), so on Linux the lock is an abstract unix socket named after the folder: not a file, it
// cannot be deleted, the kernel frees it when the process dies, and its holder answers with its pid.
// Elsewhere the pid file is the lock. sift.pid is written on every platform, for operators.
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { join } from "node:path";
import { DatabaseError } from "./errors.js";

export interface DataDirLock {
  /** Why the folder is no longer usable or no longer ours; undefined while all is well. */
  problem(): string | undefined;
  release(): void;
}

/** Abstract unix sockets exist on Linux only. */
const abstractSockets = process.platform === "linux";

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const dir = realpathSync(dataDir);
  const pidFile = join(dir, "sift.pid");
  let server: Server | undefined;
  if (abstractSockets) {
    const name = `\0sift-data-dir-${createHash("sha256").update(dir).digest("hex").slice(0, 40)}`;
    server = await listenOrHolder(name, dataDir);
  } else {
    refuseLivePidFile(pidFile, dataDir);
  }
  try {
    writeFileSync(pidFile, String(process.pid));
  } catch (err) {
    server?.close();
    throw new DatabaseError(`SIFT_DATA_DIR: cannot write ${pidFile}: ${(err as Error).message}`);
  }
  const dirInode = statSync(dir).ino;
  const pidInode = statSync(pidFile).ino;

  return {
    problem: () => {
      const now = inode(dir);
      if (now === undefined) return `SIFT_DATA_DIR ${dataDir} is gone`;
      if (now !== dirInode) return `SIFT_DATA_DIR ${dataDir} was replaced by another folder`;
      try {
        accessSync(dir, constants.W_OK);
      } catch {
        return `SIFT_DATA_DIR ${dataDir} is not writable`;
      }
      if (!existsSync(join(dir, "pglite", "PG_VERSION"))) return `SIFT_DATA_DIR ${dataDir} no longer holds the database files`;
      if (server && !server.listening) return `SIFT_DATA_DIR ${dataDir}: this process lost its lock`;
      if (!server && (inode(pidFile) !== pidInode || readPid(pidFile) !== process.pid)) {
        return `SIFT_DATA_DIR ${dataDir}: ${pidFile} was removed or replaced, another process may be using the folder`;
      }
      return undefined;
    },
    release: () => {
      server?.close();
      if (inode(pidFile) === pidInode && readPid(pidFile) === process.pid) rmSync(pidFile, { force: true });
    },
  };
}

/** Listens on the abstract socket `name`; when another process does, refuses with its pid. */
async function listenOrHolder(name: string, dataDir: string): Promise<Server> {
  const server = createServer((socket) => socket.end(`${process.pid}\n`));
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => (err.code === "EADDRINUSE" ? resolve(false) : reject(err)));
    server.listen({ path: name }, () => resolve(true));
  }).catch((err: unknown) => {
    throw new DatabaseError(`SIFT_DATA_DIR: cannot lock ${dataDir}: ${(err as Error).message}`);
  });
  if (listening) {
    server.unref(); // the lock must not keep the process alive
    return server;
  }
  const holder = await askHolder(name);
  throw new DatabaseError(
    `SIFT_DATA_DIR: ${dataDir} is in use by ${holder ? `process ${holder}` : "another process"}; PGlite allows one process (use DATABASE_URL for replicas)`,
  );
}

function askHolder(name: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    let text = "";
    const socket = connect({ path: name });
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on("data", (d: Buffer) => (text += d.toString()));
    socket.on("close", () => resolve(Number(text.trim()) || undefined));
    socket.on("error", () => resolve(undefined));
  });
}

function refuseLivePidFile(pidFile: string, dataDir: string): void {
  const holder = readPid(pidFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new DatabaseError(`SIFT_DATA_DIR: ${dataDir} is in use by process ${holder}; PGlite allows one process (use DATABASE_URL for replicas)`);
  }
}

function readPid(file: string): number | undefined {
  try {
    return Number(readFileSync(file, "utf8").trim()) || undefined;
  } catch {
    return undefined;
  }
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
