import { describe, expect, it } from "vitest";
import { otlpEndpoint, otlpEnvironment } from "./otlp-env";

describe("OTLP environment", () => {
  it("points the SDK at /api/otlp under the origin", () => {
    expect(otlpEndpoint("http://localhost:3000")).toBe("http://localhost:3000/api/otlp");
    expect(otlpEndpoint("https://sightline.example.com/")).toBe("https://sightline.example.com/api/otlp");
  });

  it("lists endpoint, protocol, URL-encoded auth header and service name", () => {
    expect(otlpEnvironment("http://10.0.0.5:3000").split("\n")).toEqual([
      "OTEL_EXPORTER_OTLP_ENDPOINT=http://10.0.0.5:3000/api/otlp",
      "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
      "OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<key>",
      "OTEL_SERVICE_NAME=my-service",
    ]);
  });
});
