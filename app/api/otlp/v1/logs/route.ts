import { handleOtlpExport } from "@/lib/ingest/handle-otlp-export";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleOtlpExport(request, "logs");
}
