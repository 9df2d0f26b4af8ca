import { getServiceVersions } from "@/lib/services/get-service-versions";
import { serviceRoute } from "@/lib/services/service-route";

export const dynamic = "force-dynamic";

export const GET = serviceRoute(getServiceVersions);
