import type pg from "pg";
import { pgJson, pgText } from "./pg-safe";
import type { ResourceInfo } from "../otlp/model";
import { canonicalJson, hashId } from "./hash-id";

// Resources repeat on every span of a process, so each is stored once, keyed by a hash of its
// attributes. Ids this process has already written are remembered (bounded) to skip the insert.

const written = new Set<string>();
const MAX_REMEMBERED = 10_000;

// The decoders share one ResourceInfo object among all items of a resource block, so the hash
// is computed once per block, not once per span or data point (series ids need it per point).
const ids = new WeakMap<ResourceInfo, string>();

export function resourceId(resource: ResourceInfo): string {
  let id = ids.get(resource);
  if (id === undefined) {
    id = hashId(canonicalJson(resource.attributes), resource.schemaUrl);
    ids.set(resource, id);
  }
  return id;
}

/** A resources row, its values already made safe for PostgreSQL (pgText / pgJson). */
export interface ResourceRow {
  id: string;
  serviceName: string;
  /** JSON text */
  attributes: string;
  schemaUrl: string | null;
}

type WithResource = { resource: ResourceInfo; serviceName: string };

/** The resources row of an item's resource, its service name and attributes made safe for PostgreSQL. */
export function resourceRow(id: string, item: WithResource): ResourceRow {
  return { id, serviceName: pgText(item.serviceName), attributes: pgJson(item.resource.attributes), schemaUrl: pgText(item.resource.schemaUrl) || null };
}

/** One row for each distinct resource of `items`, in the order they first appear. */
export function resourceRowsOf(items: WithResource[]): ResourceRow[] {
  const rows = new Map<string, ResourceRow>();
  for (const item of items) {
    const id = resourceId(item.resource);
    if (!rows.has(id)) rows.set(id, resourceRow(id, item));
  }
  return [...rows.values()];
}

export async function upsertResources(client: pg.ClientBase, records: WithResource[]): Promise<Map<ResourceInfo, string>> {
  const byResource = new Map<ResourceInfo, string>();
  const fresh = new Map<string, WithResource>();
  for (const record of records) {
    if (byResource.has(record.resource)) continue;
    const id = resourceId(record.resource);
    byResource.set(record.resource, id);
    if (!written.has(id)) fresh.set(id, record);
  }
  await upsertResourceRows(
    client,
    [...fresh.entries()].map(([id, r]) => resourceRow(id, r)),
  );
  return byResource;
}

/** Inserts the rows not yet written by this process (prepared ahead, e.g. in a worker thread). */
export async function upsertResourceRows(client: pg.ClientBase, rows: ResourceRow[]): Promise<void> {
  const fresh = rows.filter((row) => !written.has(row.id));
  if (fresh.length === 0) return;
  await client.query(
    `INSERT INTO resources (id, service_name, attributes, schema_url)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[])
     ON CONFLICT (id) DO NOTHING`,
    [fresh.map((r) => r.id), fresh.map((r) => r.serviceName), fresh.map((r) => r.attributes), fresh.map((r) => r.schemaUrl)],
  );
}

/** Called after the transaction that wrote them commits: only then are they safe to skip. */
export function rememberResources(ids: Iterable<string>) {
  if (written.size > MAX_REMEMBERED) written.clear();
  for (const id of ids) written.add(id);
}
