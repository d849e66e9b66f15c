// Typed calls into the Rust side: `commands.ts`, generated from the Rust command functions
// (src-tauri/src/bindings.rs), under the name the screens use.
export { commands as api } from "./commands";
export { asIpcError } from "./ipc";
