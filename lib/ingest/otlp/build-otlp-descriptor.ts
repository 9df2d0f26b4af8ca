// Builds the protobufjs JSON descriptor of the vendored OTLP .proto files. Only the generator
// script and the freshness test call this: the server loads the committed JSON instead, so the
// Next.js bundle never parses .proto text or touches the file system at run time.

import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

export const OTLP_PROTO_DIR = fileURLToPath(new URL("./proto", import.meta.url));
export const OTLP_DESCRIPTOR_PATH = fileURLToPath(new URL("./otlp-descriptor.json", import.meta.url));

// The collector service files import everything else; listing them all keeps the load order,
// and so the JSON key order, fixed.
export const OTLP_PROTO_FILES = [
  "opentelemetry/proto/common/v1/common.proto",
  "opentelemetry/proto/resource/v1/resource.proto",
  "opentelemetry/proto/trace/v1/trace.proto",
  "opentelemetry/proto/metrics/v1/metrics.proto",
  "opentelemetry/proto/logs/v1/logs.proto",
  "opentelemetry/proto/collector/trace/v1/trace_service.proto",
  "opentelemetry/proto/collector/metrics/v1/metrics_service.proto",
  "opentelemetry/proto/collector/logs/v1/logs_service.proto",
] as const;

export function buildOtlpDescriptor(): protobuf.INamespace {
  const root = new protobuf.Root();
  // Imports in the OTLP files are written relative to the repository root
  // ("opentelemetry/proto/..."), not to the importing file.
  root.resolvePath = (_origin, target) => path.join(OTLP_PROTO_DIR, target);
  root.loadSync([...OTLP_PROTO_FILES], { keepCase: false });
  root.resolveAll();
  return root.toJSON();
}

/** The descriptor as the committed file holds it (stable formatting, trailing newline). */
export function renderOtlpDescriptor(): string {
  return `${JSON.stringify(buildOtlpDescriptor(), null, 2)}\n`;
}
