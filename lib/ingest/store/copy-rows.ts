import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** Streams ready COPY text (built ahead, e.g. in an ingest worker) through one `COPY … FROM STDIN`. */
export async function copyRows(client: pg.ClientBase, statement: string, rows: Uint8Array): Promise<void> {
  const buffer = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  await pipeline(Readable.from([buffer]), client.query(copyFrom(statement)));
}
