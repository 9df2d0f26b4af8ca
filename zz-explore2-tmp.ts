import pg from "pg";
const url = process.argv[2]!; const A = 1795630860000;
const pool = new pg.Pool({ connectionString: url });
const from = new Date(A - 7 * 86400000).toISOString(), to = new Date(A).toISOString();
async function raw() {
  const t0 = performance.now();
  const r = await pool.query({ text: `SELECT (extract(epoch FROM date_bin(interval '1 hour', minute, 'epoch'::timestamptz)) * 1000)::float8 AS t, histogram::text AS h FROM span_rollups_1m WHERE service_name = 'checkout' AND minute >= $1 AND minute < $2`, values: [from, to], rowMode: "array" });
  const t1 = performance.now();
  const merged = new Map<number, Float64Array>();
  for (const row of r.rows as [number, string][]) {
    let acc = merged.get(row[0]); if (!acc) merged.set(row[0], acc = new Float64Array(130));
    const s = row[1]; let idx = 0, v = 0;
    for (let k = 1; k < s.length; k++) { const c = s.charCodeAt(k); if (c === 44 || c === 125) { if (v) acc[idx] += v; idx++; v = 0; } else v = v * 10 + (c - 48); }
  }
  const t2 = performance.now();
  return [t1 - t0, t2 - t1, r.rows.length, merged.size];
}
for (let i = 0; i < 8; i++) console.log(await raw());
await pool.end();
