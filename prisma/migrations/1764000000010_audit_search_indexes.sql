-- Audit searches that missed their budget (p95 ≤ 300 ms) in `npm run bench:audit`: a listing
-- newest first over days had no btree to read in order (only a BRIN), so it sorted every change
-- of the window; the transaction view (txid), an actor's changes and a row named by a bare key
-- value (`pk=42`, any table) read every partition.

-- Up Migration
-- The listing's exact order (committed_at, then the agent's id as length + text): read
-- backwards, a page of the newest changes is the first rows of the index, whatever the window.
CREATE INDEX audit_changes_order_idx ON audit_changes (committed_at, (length(id)), id);
CREATE INDEX audit_changes_txid_idx ON audit_changes (txid) WHERE txid IS NOT NULL;
CREATE INDEX audit_changes_actor_idx ON audit_changes (actor, committed_at) WHERE actor IS NOT NULL;
-- A single-column key's value as text (jsonb keeps one key's object as {"k": v}; `$.*` is v).
CREATE INDEX audit_changes_pk_value_idx ON audit_changes ((jsonb_path_query_first(pk, '$.*') #>> '{}'), committed_at);

-- Down Migration
DROP INDEX IF EXISTS audit_changes_pk_value_idx;
DROP INDEX IF EXISTS audit_changes_actor_idx;
DROP INDEX IF EXISTS audit_changes_txid_idx;
DROP INDEX IF EXISTS audit_changes_order_idx;
