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

export type Transfer = { day_off: string, working_day: string, };

export type TransferOrigin = "embedded" | "user" | "operator";

export type YearTransfers = { year: number, 
/**
 * The resolution, e.g. «Постановление Совета Министров … от 14.11.2024 № 839».
 */
source: string, moves: Array<Transfer>, origin: TransferOrigin, };

export type DayClass = "working" | "weekend" | "holiday" | "transfer_day_off" | "transfer_workday";

export type DayView = { date: string, class: DayClass, 
/**
 * The holiday's name, or what the transfer did; empty for plain days.
 */
note: string, 
/**
 * The resolution, for a transfer.
 */
source: string | null, };

export type MonthView = { year: number, month: number, days: Array<DayView>, 
/**
 * No transfers are held for this year.
 */
provisional: boolean, 
/**
 * The act the year's transfers come from, when held.
 */
source: string | null, origin: TransferOrigin | null, };

export type Words = { ru: string, en: string, };

export type EventKind = "date" | "time";

export type EventSpec = { id: string, kind: EventKind, label: Words, };

export type FactType = "positive_integer" | { "one_of": Array<string> };

export type FactSpec = { id: string, type: FactType, label: Words, };

export type ServiceInputs = { id: string, name: Words, seed: string, events: Array<EventSpec>, facts: Array<FactSpec>, };

export type Party = "consumer" | "operator" | "both";

export type RuleKind = "deadline" | "date";

export type SkipReason = "weekend" | "holiday" | "transfer";

export type SkippedDay = { date: string, reason: SkipReason, 
/**
 * The weekday, the holiday's name, or what the transfer did.
 */
name: string, 
/**
 * The resolution, for a transfer.
 */
source: string | null, };

export type WorkedDay = { date: string, instead_of: string, source: string, };

export type BaseExplained = { 
/**
 * The event's id, or the rule's id when counting from another rule.
 */
id: string, label: string, 
/**
 * `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
 */
at: string, };

export type PeriodExplained = { 
/**
 * The period's kind as in the rulebook (`working_days`, `calendar_days`, …).
 */
kind: string, amount: number | null, text: string, };

export type Explanation = { rule: string, title: string, clause: string, seed: string, 
/**
 * The base the count started from (the latest, when several were given).
 */
base: BaseExplained | null, 
/**
 * Every base that was given.
 */
bases: Array<BaseExplained>, period: PeriodExplained, 
/**
 * For calendar-day and month periods: the date before any roll-forward.
 */
unmoved: string | null, 
/**
 * Set when the date was moved off a day off: the date it moved from.
 */
rolled_forward_from: string | null, skipped: Array<SkippedDay>, worked_by_transfer: Array<WorkedDay>, provisional: boolean, provisional_reason: string | null, 
/**
 * Readings of the seed and conditions the user should know.
 */
notes: Array<string>, 
/**
 * The whole explanation as one paragraph.
 */
text: string, };

export type Item = { rule: string, kind: RuleKind, party: Party | null, 
/**
 * `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (local Minsk time) or `YYYY-MM`; null while waiting.
 */
due: string | null, 
/**
 * The events still needed, when `due` is null.
 */
waiting_for?: Array<string>, 
/**
 * The facts still needed, when `due` is null because of them.
 */
needs_facts?: Array<string>, clause: string, provisional: boolean, explanation: Explanation, };

export type Report = { service: string, items: Array<Item>, };
