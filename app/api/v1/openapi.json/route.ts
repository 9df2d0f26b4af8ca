import { withRoute } from "@/lib/http/with-route";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const dynamic = "force-dynamic";

// Built on first request and kept: it depends on the code only, never on data.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = withRoute({ access: "viewer" }, () => {
  document ??= buildOpenApiDocument();
  return Promise.resolve(document);
});
