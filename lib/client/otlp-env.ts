// What an OpenTelemetry SDK needs to send to this Sightline. The SDK appends /v1/traces,
// /v1/metrics and /v1/logs to OTEL_EXPORTER_OTLP_ENDPOINT itself.

export const INGEST_KEY_PLACEHOLDER = "<key>";

export function otlpEndpoint(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/api/otlp`;
}

/**
 * The environment block for any SDK. The protocol is spelled out because some SDKs default to
 * gRPC, which this endpoint does not speak; the space in "Bearer <key>" is written %20 because
 * the specification makes header values URL-encoded and several SDKs reject a raw space.
 */
export function otlpEnvironment(origin: string, serviceName = "my-service"): string {
  return [
    `OTEL_EXPORTER_OTLP_ENDPOINT=${otlpEndpoint(origin)}`,
    "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
    `OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20${INGEST_KEY_PLACEHOLDER}`,
    `OTEL_SERVICE_NAME=${serviceName}`,
  ].join("\n");
}
