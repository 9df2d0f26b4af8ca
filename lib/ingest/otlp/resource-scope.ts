// The resource and instrumentation scope every OTLP item is nested under. Converted once per
// group and shared by reference between that group's records, never copied per item.

import { indexedName } from "../field-limits";
import { convertAttributes } from "./attributes";
import type { ResourceInfo, ScopeInfo } from "./model";
import { InvalidItem, type Item, type PbResource, type PbScope } from "./otlp-messages";
import { ItemRejection } from "./validate";

export interface ResourceContext {
  resource: ResourceInfo;
  /** `service.name`, truncated to the indexed-name limit (the attributes keep it whole). */
  serviceName: string;
  /** Bytes cut off `service.name`; 0 when it fit. */
  serviceNameCutBytes: number;
}

/** The OpenTelemetry SDK specification's fallback when `service.name` is missing. */
export const UNKNOWN_SERVICE = "unknown_service";

export function convertResource(resource: Item<PbResource> | null, schemaUrl: string): ResourceContext {
  if (resource instanceof InvalidItem) throw new ItemRejection(resource.reason);
  const attributes = convertAttributes(resource?.attributes);
  const name = attributes["service.name"];
  const serviceName = indexedName(typeof name === "string" && name !== "" ? name : UNKNOWN_SERVICE);
  return {
    resource: { attributes, droppedAttributesCount: resource?.droppedAttributesCount ?? 0, schemaUrl },
    serviceName: serviceName.value,
    serviceNameCutBytes: serviceName.cutBytes,
  };
}

/** Tells the sender, once per resource, that its service name was stored truncated. */
export function warnTruncatedService(context: ResourceContext, where: string, rejections: { warn(message: string): void }): void {
  if (context.serviceNameCutBytes > 0) {
    rejections.warn(`${where}: service.name truncated to ${Buffer.byteLength(context.serviceName)} bytes (${context.serviceNameCutBytes} bytes cut)`);
  }
}

export function convertScope(scope: Item<PbScope> | null, schemaUrl: string): ScopeInfo {
  if (scope instanceof InvalidItem) throw new ItemRejection(scope.reason);
  return {
    name: scope?.name ?? "",
    version: scope?.version ?? "",
    attributes: convertAttributes(scope?.attributes),
    droppedAttributesCount: scope?.droppedAttributesCount ?? 0,
    schemaUrl,
  };
}
