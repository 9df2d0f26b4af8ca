import { FetchJsonError, fetchJson } from "@/lib/client/fetch-json";
import { signedInResponseSchema } from "@/lib/schemas/auth";

/** Posts a sign-in, setup or invite form; the server sets the session cookie on success. */
export async function postAuth(url: string, body: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await fetchJson(url, signedInResponseSchema, { method: "POST", json: body });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof FetchJsonError || error instanceof Error ? error.message : String(error) };
  }
}
