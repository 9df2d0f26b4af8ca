import { classifyStoreError, STORE_RETRY_AFTER_SECONDS } from "@/lib/db/classify-store-error";
import { ApiError } from "@/lib/http/api-error";

// The one rule for a failed ingest write, OTLP and the db agent alike. The whole batch is one
// transaction, so a failure means nothing of it was written:
// - a value PostgreSQL refuses (SQLSTATE class 22) fails every retry the same way, so it is the
//   sender's to fix: 400 (the field limits in field-limits.ts are meant to make this unreachable);
// - anything else — the store down, restarting, overloaded, or a defect of ours — is 503 with
//   Retry-After: the exporter or agent keeps its data and sends it again, so nothing is lost.
// The store's own text never reaches the body; errorResponse logs it under the request id.

export async function storeOrRefuse<R>(write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (classifyStoreError(error) === "bad_input") {
      throw new ApiError("bad_request", "the batch holds a value the store refuses; nothing was written", { cause: error });
    }
    throw new ApiError("unavailable", "the store could not take this batch; nothing was written, retry", { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS, cause: error });
  }
}
