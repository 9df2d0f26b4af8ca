import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";

// Follows a server log like `tail -F`: new complete lines since the last read, across rotation
// (a directory of log files: the newest one), truncation (copytruncate) and replacement (a new
// file under the same name). On the first read it starts `backfillBytes` before the end, so
// deadlocks logged while the agent was down are still found; their ids are derived from their
// content, so reading a stretch twice never stores anything twice.

const MAX_READ_BYTES = 8 << 20;

export class LogFileTail {
  private file: string | undefined;
  private inode: number | undefined;
  private position = 0;

  constructor(
    readonly target: string,
    private readonly backfillBytes: number,
  ) {}

  /** New complete lines (ending in "\n"), or "" when nothing new. Throws when the log cannot be read. */
  async read(): Promise<string> {
    const file = await this.currentFile();
    const info = await stat(file);
    if (file !== this.file || info.ino !== this.inode) {
      const first = this.file === undefined;
      this.file = file;
      this.inode = info.ino;
      // A file that appeared while we run is read whole; the one found at start only its tail.
      this.position = first ? Math.max(0, info.size - this.backfillBytes) : 0;
      if (this.position > 0) this.position = await this.nextLineStart(file, this.position);
    } else if (info.size < this.position) {
      this.position = 0; // truncated in place
    }
    if (info.size <= this.position) return "";

    const length = Math.min(info.size - this.position, MAX_READ_BYTES);
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, this.position);
      // Hand out whole lines only: a line being written, or a UTF-8 character split at the
      // end of the read, is left for the next read.
      const end = buffer.lastIndexOf(0x0a, bytesRead - 1);
      if (end < 0) return "";
      this.position += end + 1;
      return buffer.subarray(0, end + 1).toString("utf8");
    } finally {
      await handle.close();
    }
  }

  get currentPath(): string | undefined {
    return this.file;
  }

  private async currentFile(): Promise<string> {
    const info = await stat(this.target);
    if (!info.isDirectory()) return this.target;
    const entries = await readdir(this.target, { withFileTypes: true });
    const candidates = await Promise.all(
      entries
        .filter((e) => e.isFile() && !/\.(csv|json)$/.test(e.name)) // csvlog/jsonlog files are not stderr format
        .map(async (e) => {
          const full = path.join(this.target, e.name);
          return { full, mtime: (await stat(full)).mtimeMs };
        }),
    );
    const newest = candidates.sort((a, b) => b.mtime - a.mtime || b.full.localeCompare(a.full))[0];
    if (!newest) throw new Error(`no log file in ${this.target}`);
    return newest.full;
  }

  private async nextLineStart(file: string, from: number): Promise<number> {
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, from - 1);
      const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
      return newline < 0 ? from : from - 1 + newline + 1;
    } finally {
      await handle.close();
    }
  }
}
