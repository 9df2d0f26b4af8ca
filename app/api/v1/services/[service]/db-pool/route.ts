import { getServiceDbPool } from "@/lib/services/get-service-db-pool";
import { serviceRoute } from "@/lib/services/service-route";

export const dynamic = "force-dynamic";

export const GET = serviceRoute(getServiceDbPool);
