import { withRoute } from "@/lib/http/with-route";
import { getStorageStats } from "@/lib/query/get-storage-stats";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, () => getStorageStats());
