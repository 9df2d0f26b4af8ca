// The resource and instrumentation scope every OTLP item is nested under. Converted once per
// group and shared by reference between that group's records, never copied per item.

import { convertAttributes } from "./attributes";
import type { ResourceInfo, ScopeInfo } from "./model";
import type { PbResource, PbScope } from "./otlp-messages";

export interface ResourceContext {
  resource: ResourceInfo;
  serviceName: string;
}

/** The OpenTelemetry SDK specification's fallback when `service.name` is missing. */
export const UNKNOWN_SERVICE = "unknown_service";

export function convertResource(resource: PbResource | null, schemaUrl: string): ResourceContext {
  const attributes = convertAttributes(resource?.attributes);
  const name = attributes["service.name"];
  return {
    resource: { attributes, droppedAttributesCount: resource?.droppedAttributesCount ?? 0, schemaUrl },
    serviceName: typeof name === "string" && name !== "" ? name : UNKNOWN_SERVICE,
  };
}

export function convertScope(scope: PbScope | null, schemaUrl: string): ScopeInfo {
  return {
    name: scope?.name ?? "",
    version: scope?.version ?? "",
    attributes: convertAttributes(scope?.attributes),
    droppedAttributesCount: scope?.droppedAttributesCount ?? 0,
    schemaUrl,
  };
}
