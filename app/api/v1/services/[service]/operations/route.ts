import { getServiceOperations } from "@/lib/services/get-service-operations";
import { serviceRoute } from "@/lib/services/service-route";

export const dynamic = "force-dynamic";

export const GET = serviceRoute(getServiceOperations);
