import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { GET } from "./route";

describe("GET /api/v1/openapi.json", () => {
  it("serves the generated OpenAPI document as JSON", async () => {
    const response = await GET(new NextRequest("http://localhost/api/v1/openapi.json", { headers: adminAuthHeaders }), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(body.paths).toHaveProperty("/api/v1/traces/{traceId}");
  });

  it("is itself behind sign-in", async () => {
    const response = await GET(new NextRequest("http://localhost/api/v1/openapi.json"), {});
    expect(response.status).toBe(401);
  });
});
