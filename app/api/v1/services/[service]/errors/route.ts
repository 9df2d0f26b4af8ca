import { getServiceErrors } from "@/lib/services/get-service-errors";
import { serviceRoute } from "@/lib/services/service-route";

export const dynamic = "force-dynamic";

export const GET = serviceRoute(getServiceErrors);
