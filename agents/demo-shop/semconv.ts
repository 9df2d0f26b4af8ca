// OpenTelemetry semantic-convention names the shop uses. Stable ones come from the package;
// incubating ones are copied here, as the package itself advises, because its `/incubating`
// entry may rename or drop them in a minor release.

export {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  METRIC_HTTP_CLIENT_REQUEST_DURATION,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
} from "@opentelemetry/semantic-conventions";

// incubating attributes
export const ATTR_DB_SYSTEM = "db.system"; // deprecated by db.system.name; still read by many tools, so both are set
export const ATTR_DB_RESPONSE_RETURNED_ROWS = "db.response.returned_rows";
export const ATTR_DB_CLIENT_CONNECTION_POOL_NAME = "db.client.connection.pool.name";
export const ATTR_DB_CLIENT_CONNECTION_STATE = "db.client.connection.state";
export const ATTR_DEPLOYMENT_ENVIRONMENT_NAME = "deployment.environment.name";
export const ATTR_ENDUSER_ID = "enduser.id";
export const ATTR_MESSAGING_DESTINATION_NAME = "messaging.destination.name";
export const ATTR_MESSAGING_MESSAGE_ID = "messaging.message.id";
export const ATTR_MESSAGING_OPERATION_NAME = "messaging.operation.name";
export const ATTR_MESSAGING_OPERATION_TYPE = "messaging.operation.type";
export const ATTR_MESSAGING_SYSTEM = "messaging.system";
export const ATTR_PEER_SERVICE = "peer.service";
export const ATTR_SERVICE_INSTANCE_ID = "service.instance.id";
export const ATTR_SERVICE_NAMESPACE = "service.namespace";
export const ATTR_URL_TEMPLATE = "url.template";

// incubating metrics
export const METRIC_DB_CLIENT_CONNECTION_COUNT = "db.client.connection.count";
export const METRIC_DB_CLIENT_CONNECTION_MAX = "db.client.connection.max";
export const METRIC_DB_CLIENT_CONNECTION_PENDING_REQUESTS = "db.client.connection.pending_requests";
export const METRIC_DB_CLIENT_CONNECTION_TIMEOUTS = "db.client.connection.timeouts";
export const METRIC_DB_CLIENT_CONNECTION_WAIT_TIME = "db.client.connection.wait_time";
export const METRIC_MESSAGING_CLIENT_SENT_MESSAGES = "messaging.client.sent.messages";
export const METRIC_MESSAGING_PROCESS_DURATION = "messaging.process.duration";

// the shop's business attributes (no convention exists for these)
export const ATTR_ORDER_ID = "order.id";
export const ATTR_ORDER_AMOUNT = "order.amount";
export const ATTR_ORDER_CURRENCY = "order.currency";
export const ATTR_PAYMENT_ID = "payment.id";
export const ATTR_PAYMENT_PROVIDER = "payment.provider";
export const ATTR_COUPON_ID = "coupon.id";

// the shop's own metrics (no convention exists for these either)
export const METRIC_CIRCUIT_BREAKER_STATE = "shop.circuit_breaker.state";
export const METRIC_RATE_LIMITER_REJECTIONS = "shop.rate_limiter.rejections";
export const METRIC_QUEUE_DEPTH = "shop.queue.depth";
export const METRIC_BATCH_JOB_RUNS = "shop.batch_job.runs";
export const METRIC_BATCH_JOB_DURATION = "shop.batch_job.duration";
// business counters (the "Shop business" dashboard reads them)
export const METRIC_ORDERS_CREATED = "shop.orders.created";
export const METRIC_REVENUE = "shop.revenue";
export const METRIC_PAYMENTS = "shop.payments";
export const METRIC_COUPONS_REDEEMED = "shop.coupons.redeemed";
export const ATTR_SHOP_CURRENCY = "currency";
export const ATTR_SHOP_PAYMENT_OUTCOME = "outcome";
export const ATTR_SHOP_COUPON_CODE = "code";

/** Bucket bounds (seconds) semantic conventions advise for request durations. */
export const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

// the limit the saturation forecast reads the queue depth against
export const METRIC_QUEUE_CAPACITY = "shop.queue.capacity";
