import { getServiceDependencies } from "@/lib/services/get-service-dependencies";
import { serviceRoute } from "@/lib/services/service-route";

export const dynamic = "force-dynamic";

export const GET = serviceRoute(getServiceDependencies);
