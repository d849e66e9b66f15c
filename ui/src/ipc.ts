// The one way the page calls the Rust side. Every failure comes back as an IpcError
// {code, message, fields}; anything else thrown (a crashed command, a missing bridge) is
// wrapped into one.
import { invoke } from "@tauri-apps/api/core";
import type { IpcError } from "./bindings";
import { translate } from "./i18n";

/** A rejection from the Rust side as the page handles it. Every command answers with an
 * `IpcError` whose code is one of `ErrorCode`; anything else (Tauri refusing the call
 * itself) is a defect: logged for the developers, shown as the internal error, in both
 * languages since this layer does not know the user's. */
export function asIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const o = e as IpcError;
    return { code: o.code, message: String(o.message), fields: Array.isArray(o.fields) ? o.fields : [] };
  }
  console.error("unexpected rejection from the Rust side", e);
  return { code: "internal", message: `${translate("ru", "error-internal")} / ${translate("en", "error-internal")}`, fields: [] };
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asIpcError(e);
  }
}

