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

export async function upsertResources(client: pg.ClientBase, records: { resource: ResourceInfo; serviceName: string }[]): Promise<Map<ResourceInfo, string>> {
  const byResource = new Map<ResourceInfo, string>();
  const fresh = new Map<string, { resource: ResourceInfo; serviceName: string }>();
  for (const record of records) {
    if (byResource.has(record.resource)) continue;
    const id = resourceId(record.resource);
    byResource.set(record.resource, id);
    if (!written.has(id)) fresh.set(id, record);
  }
  if (fresh.size) {
    const rows = [...fresh.entries()];
    await client.query(
      `INSERT INTO resources (id, service_name, attributes, schema_url)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[])
       ON CONFLICT (id) DO NOTHING`,
      [rows.map(([id]) => id), rows.map(([, r]) => pgText(r.serviceName)), rows.map(([, r]) => pgJson(r.resource.attributes)), rows.map(([, r]) => pgText(r.resource.schemaUrl) || null)],
    );
  }
  return byResource;
}

/** Called after the transaction that wrote them commits: only then are they safe to skip. */
export function rememberResources(ids: Iterable<string>) {
  if (written.size > MAX_REMEMBERED) written.clear();
  for (const id of ids) written.add(id);
}
