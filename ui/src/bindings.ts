// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand.

export type Lang = "ru" | "en";

export type IssueCode = "required" | "too_long" | "malformed";

export type FieldError = { field: string, code: IssueCode, message: string, };

export type IpcError = { code: string, message: string, fields: Array<FieldError>, };

export type AppInfo = { version: string, database_path: string, language: Lang, };

export type OrganisationDraft = { name: string, 
/**
 * УНП, the taxpayer number (9 characters).
 */
unp: string, address: string, email: string, };

export type Organisation = { id: number, 
/**
 * When it was last changed, as RFC 3339 UTC.
 */
updated_at: string, name: string, 
/**
 * УНП, the taxpayer number (9 characters).
 */
unp: string, address: string, email: string, };
