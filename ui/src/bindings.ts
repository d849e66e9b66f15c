// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand.

export type Lang = "ru" | "be" | "en";

export type IssueCode = "required" | "too_long" | "malformed" | "checksum" | "too_few" | "too_many" | "count_mismatch" | "in_future";

export type ErrorCode = "internal" | "store.directory" | "store.disk_full" | "store.damaged" | "store.database" | "store.migration" | "store.not_found" | "store.corrupt_row" | "store.too_large" | "store.file" | "store.newer_version" | "store.not_a_backup" | "store.in_use" | "store.no_data_dir" | "store.not_damaged" | "validation.invalid" | "validation.bad_input" | "calendar.invalid_transfers" | "application.unknown_service" | "application.unknown_schema" | "application.not_ready" | "application.sent_locked" | "application.bad_file" | "import.refused" | "organisation.has_applications" | "application.no_organisation" | "lifecycle.unknown_event" | "lifecycle.impossible" | "lifecycle.before_previous" | "lifecycle.in_future" | "lifecycle.bad_date" | "lifecycle.nothing_to_correct" | "lifecycle.correction_mismatch" | "lifecycle.precondition" | "deadlines.unknown_service" | "deadlines.unknown_event" | "deadlines.unknown_fact" | "deadlines.unknown_rule" | "deadlines.malformed_date" | "deadlines.impossible_date" | "deadlines.needs_time" | "deadlines.duplicate_event" | "deadlines.invalid_fact" | "deadlines.date_out_of_range" | "deadlines.malformed_input" | "sync.not_configured" | "sync.bad_url" | "sync.no_scheme" | "sync.not_https" | "sync.no_token" | "sync.unauthorized" | "sync.read_only" | "sync.unreachable" | "sync.bad_response" | "sync.no_keyring" | "sync.keyring" | "print.unknown_kind" | "print.unknown_form" | "print.all_is_a_schedule" | "print.cannot_open" | "export.spreadsheet" | "mail.no_inbox" | "mail.too_large" | "mail.cannot_open" | "settings.invalid_window" | "settings.invalid_leads";

export type FieldError = { field: string, code: IssueCode, message: string, };

export type IpcError = { code: ErrorCode, message: string, fields: Array<FieldError>, };

export type AppInfo = { version: string, database_path: string, language: Lang, 
/**
 * Organisation profiles stored (none on the first start).
 */
organisations: number, };

export type Organisation = { id: number, 
/**
 * The profile's fields, keyed as in the `organisation` schema.
 */
values: Record<string, unknown>, 
/**
 * The short name (or the full one), for lists.
 */
name: string, unp: string, 
/**
 * When it was last changed, as RFC 3339 UTC.
 */
updated_at: string, 
/**
 * No longer worked with: out of the lists and of the choice for a new application.
 */
archived: boolean, 
/**
 * How many applications name it (one with none may be deleted).
 */
applications: number, };

export type SameUnp = { id: number, name: string, };

export type ProfileCheck = { issues: Array<FieldError>, same_unp: Array<SameUnp>, };

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

export type Words = { ru: string, be: string, en: string, };

export type EventKind = "date" | "time";

export type EventSpec = { id: string, kind: EventKind, label: Words, 
/**
 * A planned moment (works planned for a date, a contract's end): it may be recorded
 * ahead of time (DOMAIN.md §6.5). Every other event is refused in the future.
 */
planned?: boolean, 
/**
 * The Operator's own step: it comes by sync (the wire's `OPERATOR_EVENTS` are exactly
 * these, a test in `zayava-api` holds them equal), and a user records it by hand only
 * when working offline or when the Operator's message came another way.
 */
by_operator?: boolean, };

export type FactOption = { value: string, label: Words, };

export type FactType = "positive_integer" | { "one_of": Array<FactOption> };

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

export type Explanation = { rule: string, title: string, clause: string, 
/**
 * The procedure document (its file in the seeds), for audits; people read `source`.
 */
seed: string, 
/**
 * The document's title, as a person reads it.
 */
source: string, 
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

export type FieldType = "text" | "multiline" | "email" | "phone" | "postcode" | "unp" | "iban" | "bic" | "ap_code" | "date" | "integer" | "choice" | "flag" | "prerequisite" | "confirm" | "attachment" | "list";

export type Choice = { value: string, label: Words, 
/**
 * When the field supplies a fact: the fact's value this choice gives (a state body
 * and a budget-funded organisation both give `org_kind` = `budget`).
 */
fact_value?: string, };

export type When = { field: string, equals: unknown, };

export type FieldRole = "name" | "full_name" | "unp" | "address" | "email" | "contact" | "phone" | "postal_postcode" | "postal_address" | "head_position" | "head_name" | "head_basis";

export type Field = { id: string, type: FieldType, label: Words, required: boolean, hint?: Words, 
/**
 * The seed clause this field answers.
 */
clause?: string, max_len?: number, min?: number, max?: number, options: Array<Choice>, 
/**
 * For lists: the fields of each item.
 */
fields: Array<Field>, min_items?: number, max_items?: number, 
/**
 * For an integer: the list whose number of items it must equal (the tariff's user
 * count and the users listed).
 */
count_of?: string, 
/**
 * For lists: what one item is called ("пользователь").
 */
item_label?: Words, when?: When, 
/**
 * The deadline engine's fact this field supplies (e.g. `software_count`); a choice's
 * options may map onto the fact's values (`fact_value`).
 */
fact?: string, 
/**
 * What the field is to the rest of the program (see `FieldRole`).
 */
role?: FieldRole, 
/**
 * A date of a document that already exists (a letter, a conclusion): it cannot be
 * later than today.
 */
past: boolean, 
/**
 * Filled from the application's organisation: its fields of these roles, joined by
 * commas (the consumer's full name; a contact and phone). See `refill`.
 */
from_organisation: Array<FieldRole>, };

export type GroundCheck = "invalid_fields" | "unmet_prerequisites" | "missing_attachments" | { "all_true": { list: string, field: string, } } | { "confirmed": string } | { "one_of": { when: string, any_of: Array<string>, } };

export type Ground = { id: string, clause: string, text: Words, check: GroundCheck, };

export type FormKind = "organisation" | "application";

export type FormSchema = { 
/**
 * `organisation` or a service id.
 */
id: string, 
/**
 * E.g. `one-window@2025-03-04.2`: the form, the procedure version it follows, and
 * Zayava's own edition of it after `.` (a change of the form adds a version).
 */
version: string, 
/**
 * Set on an older version, kept so that applications stored under it still validate,
 * check and print; new applications take the newer one.
 */
superseded_by?: string, 
/**
 * What the form is for: the organisation profile, or an application for a service.
 */
kind: FormKind, title: Words, fields: Array<Field>, preflight: Array<Ground>, };

export type Finding = { 
/**
 * The ground's id, e.g. `hosting.no_aer`.
 */
ground: string, clause: string, 
/**
 * The field at fault (`procedures[0].aer_agreed`, `organisation.unp`), if one is.
 */
field: string | null, 
/**
 * The seed's ground, as the seed words it (shown once over its findings).
 */
ground_text: string, 
/**
 * What is wrong, without the ground or the clause: «Поле «E-mail» обязательно.»,
 * «не отмечено: «Ключи ЭЦП получены»».
 */
detail: string, 
/**
 * The ground and the detail in one sentence, for a line of its own (the terminal).
 */
message: string, 
/**
 * The user must confirm something the app cannot see (debts to the Operator).
 */
needs_confirmation: boolean, };

export type Preflight = { clean: boolean, findings: Array<Finding>, };

export type ApplicationStatus = "draft" | "ready";

export type Outgoing = { number: string, date: string, };

export type Application = { id: string, organisation_id: number | null, service: string, 
/**
 * The form schema it was made under, e.g. `one-window@2025-03-04`.
 */
schema_version: string, values: Record<string, unknown>, status: ApplicationStatus, archived: boolean, created_at: string, updated_at: string, 
/**
 * The short number people say on the phone (shown as «З-0042»).
 */
number: number, 
/**
 * The covering letter's outgoing number and date, once given.
 */
outgoing?: Outgoing, };

export type ApplicationSummary = { id: string, 
/**
 * «З-0042».
 */
number: string, organisation_id: number | null, organisation_name: string | null, service: string, status: ApplicationStatus, 
/**
 * The stage of the list (`lifecycle.json`'s stages) and its label.
 */
stage: string, stage_label: string, archived: boolean, updated_at: string, };

export type ApplicationFilter = { organisation_id: number | null, service: string | null, status: ApplicationStatus | null, 
/**
 * Only this stage of the list (draft, awaiting_signature, not_concluded…).
 */
stage: string | null, 
/**
 * Words to find in the application's values or its organisation's name.
 */
text: string | null, archived: boolean, };

export type AttachmentRef = { sha256: string, 
/**
 * The user's file name, for display only.
 */
name: string, size: number, };

export type ApplicationView = { application: Application, issues: Array<FieldError>, 
/**
 * What the operator set (registration number, contract number, remarks), as last synced.
 */
operator_fields: Record<string, unknown>, 
/**
 * «З-0042».
 */
number: string, 
/**
 * Sent to the Operator and not being amended: the form is read-only.
 */
locked: boolean, 
/**
 * Sent to the Operator: the pre-flight and "ready" no longer apply.
 */
sent: boolean, 
/**
 * The stage (as in the list) and its label, as of today.
 */
stage: string, stage_label: string, 
/**
 * The inbox its seed lets the application be e-mailed to («Подготовить письмо»), if any.
 */
inbox?: string, };

export type Recorder = "user" | "sync";

export type RecordedEvent = { id: number, event: string, 
/**
 * When it happened: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` for timed events.
 */
at: string, 
/**
 * When it was recorded (RFC 3339 UTC).
 */
recorded_at: string, recorded_by: Recorder, 
/**
 * The earlier event this one corrects.
 */
corrects: number | null, note: string, };

export type NewEvent = { event: string, at: string, corrects: number | null, note: string, };

export type DeadlineStatus = "upcoming" | "due_today" | "overdue" | "met" | "met_late" | "passed" | "waiting" | "unknown";

export type Notice = { to: string, 
/**
 * The e-mail's subject line.
 */
subject: string, text: string, };

export type TimelineDeadline = { item: Item, 
/**
 * Which round of this deadline (1 and up): a base event that happens again opens a new
 * round with its own date and verdict (DOMAIN.md §6.2).
 */
round: number, 
/**
 * «2-й круг» when the deadline has more than one round, for people.
 */
round_label: string | null, status: DeadlineStatus, 
/**
 * The event that met it, and when.
 */
met_by: string | null, met_on: string | null, 
/**
 * Whole days after the due day that it was met (only when met late).
 */
days_late: number | null, 
/**
 * Nothing is left to do: met, met late, or shown done by a later step. An unsettled
 * deadline stays on the to-do list and keeps reminding; a settled one never does.
 */
settled: boolean, 
/**
 * What a miss means and what to do now, once the deadline is missed (or why its
 * verdict cannot be told).
 */
consequence: string | null, 
/**
 * A drafted notice, ready to copy, for rules that call for one.
 */
notice: Notice | null, };

export type Void = { rule: string, clause: string, 
/**
 * What happened and what to do now, as one sentence or two.
 */
message: string, };

export type CalculatedVerdict = { rule: string, status: DeadlineStatus, 
/**
 * Whether this miss voids the contract.
 */
voids: boolean, text: string, };

export type Calculation = { report: Report, verdicts: Array<CalculatedVerdict>, };

export type Unplaced = { id: number, label: string, reason: string, };

export type TimelineEvent = { event: RecordedEvent, label: string, 
/**
 * Superseded by a later correction.
 */
corrected: boolean, 
/**
 * Who recorded it on another desktop of the account, by name (the store fills it in);
 * none: recorded here, or brought from the Operator.
 */
author: string | null, };

export type Timeline = { state: string, state_label: string, 
/**
 * Set when a missed signing window has voided the contract.
 */
void: Void | null, 
/**
 * Recorded events the procedure cannot place (none is dropped).
 */
unplaced: Array<Unplaced>, 
/**
 * What the trail cannot tell: an event whose precondition is not recorded (access
 * given with no training recorded). Said, never guessed.
 */
gaps: Array<string>, 
/**
 * The audit trail, in the order recorded (corrections included).
 */
events: Array<TimelineEvent>, deadlines: Array<TimelineDeadline>, 
/**
 * The events that may be recorded now.
 */
next_events: Array<string>, };

export type DashboardQuery = { 
/**
 * Everything due up to this many working days ahead (overdue items always).
 */
working_days: number, 
/**
 * Only this party's deadlines.
 */
party: Party | null, 
/**
 * The most lines returned (a page).
 */
limit: number, };

export type DueEntry = { application_id: string, 
/**
 * The application's short number, «З-0042».
 */
number: string, service: string, organisation_name: string | null, rule: string, 
/**
 * The round of this deadline (1 and up; DOMAIN.md §6.2), and «2-й круг» from the second.
 */
round: number, round_label: string | null, title: string, party: Party | null, kind: RuleKind, due: string, status: DeadlineStatus, clause: string, 
/**
 * For a window whose miss voids the contract: what is at stake, in a sentence.
 */
stake: string | null, };

export type IcsExport = { path: string, events: number, };

export type Registry = "applications" | "due" | "dates";

export type XlsxExport = { path: string, rows: number, };

export type Page = { offset: number, limit: number, };

export type ApplicationPage = { items: Array<ApplicationSummary>, total: number, };

export type PdfKind = "application" | "package" | "schedule";

export type PrintedPdf = { path: string, pages: number, bytes: number, 
/**
 * Characters the font cannot show, printed as □ (empty when all is well).
 */
replaced: string, };

export type Letter = { "kind": "application" } | { "kind": "notice", rule: string, round: number, };

export type MailRecord = { event: string, 
/**
 * The event in words: «Заявка направлена Оператору».
 */
label: string, 
/**
 * Today (YYYY-MM-DD), or now (YYYY-MM-DDTHH:MM) for an event recorded to the minute.
 */
at: string, };

export type PreparedMail = { path: string, to: string, subject: string, bytes: number, record: MailRecord, };

export type OutboxCounts = { pending: number, rejected: number, 
/**
 * Applications waiting for the user to settle a conflict.
 */
conflicts: number, };

export type SyncState = { counts: OutboxCounts, cursor: number, 
/**
 * RFC 3339 UTC of the last complete sync.
 */
last_success: string | null, 
/**
 * Who this desktop signs in as on the server, as the server last said.
 */
identity: SyncIdentity | null, };

export type SyncIdentity = { account: string, user: string, 
/**
 * reader, editor or admin.
 */
role: string, };

export type SyncIssue = { id: number, at: string, 
/**
 * Stable: `sync.rejected`, `sync.unknown_event`, `sync.unknown_application`, … (see README).
 */
code: string, 
/**
 * What it concerns: an application id, an outbox entity, an address.
 */
subject: string, 
/**
 * The application it concerns as people know it («З-0042»), when it is one here.
 */
number?: string, detail: string, };

export type SyncConflict = { application_id: string, 
/**
 * The application as people know it: «З-0042».
 */
number: string, server_revision: number, server_values: Record<string, unknown>, local_values: Record<string, unknown>, at: string, 
/**
 * The colleague whose version the server holds, by name; none: the Operator's.
 */
changed_by: string | null, };

export type Resolution = "keep_mine" | "take_server";

export type SyncProgress = { "phase": "push", done: number, total: number, } | { "phase": "pull", received: number, } | { "phase": "data" };

export type SyncReport = { pushed: number, rejected: number, conflicts: number, pulled: number, duplicates: number, 
/**
 * Events and data refused (each recorded as an issue, with its raw content).
 */
refused: number, 
/**
 * The Operator's events kept until the application's trail allows them (shown on it).
 */
parked: number, 
/**
 * Changes the account's other desktops made, applied here.
 */
colleague_changes: number, };

export type RunStatus = { running: boolean, progress: SyncProgress | null, 
/**
 * Why the last run failed, in the user's language; none after a good run.
 */
last_error: IpcError | null, last_report: SyncReport | null, };

export type Recomputing = { done: number, of: number, };

export type SyncOverview = { url: string | null, token_saved: boolean, 
/**
 * Why the token cannot be kept (no keyring), in the user's language.
 */
keyring_problem: string | null, state: SyncState, run: RunStatus, issues: Array<SyncIssue>, conflicts: Array<SyncConflict>, };

export type BackupKind = "daily" | "before_migration" | "before_restore" | "damaged" | "other";

export type Backup = { path: string, kind: BackupKind, 
/**
 * RFC 3339 UTC, from the file's name.
 */
made_at: string, bytes: number, };

export type StagedRestore = { file: string, };
