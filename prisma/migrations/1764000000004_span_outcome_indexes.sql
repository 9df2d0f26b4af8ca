-- Timed-out entry requests (the timeout impact report) and a service's failing spans (its top
-- errors) are a small share of all spans. Without these partial indexes both reads walked every
-- span of the window (or of the service) to find them: a day is ~1.4 M spans in bench:query.

-- Up Migration
CREATE INDEX spans_timeout_roots_time_idx ON spans (start_time) WHERE parent_span_id IS NULL AND is_timeout;
CREATE INDEX spans_errors_service_time_idx ON spans (service_name, start_time) WHERE status_code = 2;

-- Down Migration
DROP INDEX IF EXISTS spans_errors_service_time_idx;
DROP INDEX IF EXISTS spans_timeout_roots_time_idx;
