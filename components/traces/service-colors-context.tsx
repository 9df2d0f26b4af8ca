"use client";

import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { assignServiceColors, serviceColor } from "@/lib/trace/service-colors";

// The colours of the services one view shows together (a trace, the service map), assigned
// once for the set so no two of them look alike; outside such a view a service has its own
// colour from its name.

const ServiceColorsContext = createContext<ReadonlyMap<string, string> | null>(null);

export function ServiceColorsProvider({ services, children }: { services: readonly string[]; children: ReactNode }) {
  const colors = useMemo(() => assignServiceColors(services), [services]);
  return <ServiceColorsContext value={colors}>{children}</ServiceColorsContext>;
}

/** `service → colour` for the current view. */
export function useServiceColor(): (service: string) => string {
  const colors = useContext(ServiceColorsContext);
  return useCallback((service: string) => colors?.get(service) ?? serviceColor(service), [colors]);
}
