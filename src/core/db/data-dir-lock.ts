// The embedded database's data directory belongs to one process at a time: PGlite keeps its state in
// memory and writes the directory back, so a second process writing it (`lvyue token create` while the
// server runs) is lost or corrupts it. The owner writes its pid into lvyue.lock (created exclusively);
// a lock whose process is gone (kill -9, power cut) is stale and taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export const LOCK_FILE = "lvyue.lock";

export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly url: string | undefined,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Lvyue process (pid ${pid}${url ? `, serving ${url}` : ""}). ` +
        "Only one process may open it: stop that server first, or do this through its API while it runs.",
    );
    this.name = "DataDirLocked";
  }
}

interface LockContent {
  pid: number;
  url?: string;
  at: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockContent;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  /** Records the address the owner serves on, so a refused process can name it. */
  describe(url: string): void;
  release(): void;
}

/** Takes the directory's lock or throws DataDirLocked naming its owner. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const write = (content: LockContent, flag: "wx" | "w") => {
    const fd = openSync(file, flag);
    try {
      writeSync(fd, JSON.stringify(content));
    } finally {
      closeSync(fd);
    }
  };
  const mine: LockContent = { pid: process.pid, at: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      write(mine, "wx");
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const owner = readLock(file);
      if (owner && alive(owner.pid)) throw new DataDirLocked(dataDir, owner.pid, owner.url);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  let released = false;
  return {
    describe(url) {
      if (!released) write({ ...mine, url }, "w");
    },
    release() {
      if (released) return;
      released = true;
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
