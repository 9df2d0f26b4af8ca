import "server-only";
import { parseEnv } from "./env";

/** Configuration of the running server, parsed once when first imported. */
export const env = parseEnv();
