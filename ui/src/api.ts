// Typed calls into the Rust side. Every failure comes back as an IpcError {code, message,
// fields}; anything else thrown (a crashed command, a missing bridge) is wrapped into one.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  ApplicationFilter,
  ApplicationSummary,
  ApplicationView,
  AttachmentRef,
  DashboardQuery,
  DueEntry,
  IcsExport,
  PdfKind,
  Item,
  NewEvent,
  RecordedEvent,
  Timeline,
  FormSchema,
  Preflight,
  PrintedPdf,
  IpcError,
  Lang,
  MonthView,
  Organisation,
  Calculation,
  Resolution,
  ServiceInputs,
  SyncOverview,
  Backup,
  StagedRestore,
  SyncReport,
  YearTransfers,
} from "./bindings";
import { en } from "./i18n/en";
import { ru } from "./i18n/ru";

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
  return { code: "internal", message: `${ru["error.internal"]} / ${en["error.internal"]}`, fields: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asIpcError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  firstPaint: () => call<void>("first_paint"),
  setLanguage: (language: Lang) => call<void>("set_language", { language }),
  workingWindow: () => call<string>("working_window"),
  setWorkingWindow: (window: string) => call<void>("set_working_window", { window }),
  reminderLeads: () => call<string>("reminder_leads"),
  setReminderLeads: (leads: string) => call<void>("set_reminder_leads", { leads }),
  termReminderLeads: () => call<string>("term_reminder_leads"),
  setTermReminderLeads: (leads: string) => call<void>("set_term_reminder_leads", { leads }),
  listOrganisations: () => call<Organisation[]>("list_organisations"),
  createOrganisation: (values: Record<string, unknown>) => call<Organisation>("create_organisation", { values }),
  updateOrganisation: (id: number, values: Record<string, unknown>) => call<Organisation>("update_organisation", { id, values }),
  formSchemas: () => call<FormSchema[]>("form_schemas"),
  listApplications: (filter: ApplicationFilter) => call<ApplicationSummary[]>("list_applications", { filter }),
  createApplication: (service: string, organisationId: number | null) =>
    call<ApplicationView>("create_application", { service, organisationId }),
  getApplication: (id: string) => call<ApplicationView>("get_application", { id }),
  saveApplication: (id: string, organisationId: number | null, values: Record<string, unknown>) =>
    call<ApplicationView>("save_application", { id, organisationId, values }),
  preflightApplication: (id: string) => call<Preflight>("preflight_application", { id }),
  markApplicationReady: (id: string) => call<ApplicationView>("mark_application_ready", { id }),
  duplicateApplication: (id: string) => call<ApplicationView>("duplicate_application", { id }),
  amendApplication: (id: string) => call<ApplicationView>("amend_application", { id }),
  setOperatorNumber: (id: string, field: "registration_number" | "contract_number", value: string) =>
    call<ApplicationView>("set_operator_number", { id, field, value }),
  archiveApplication: (id: string, archived: boolean) => call<ApplicationView>("archive_application", { id, archived }),
  attachFile: () => call<AttachmentRef | null>("attach_file"),
  applicationTimeline: (id: string) => call<Timeline>("application_timeline", { id }),
  recordEvent: (id: string, event: NewEvent) => call<RecordedEvent>("record_event", { id, event }),
  dashboard: (query: DashboardQuery) => call<DueEntry[]>("dashboard", { query }),
  expiringContracts: (days: number) => call<DueEntry[]>("expiring_contracts", { days }),
  deadlineDetail: (id: string, rule: string, round: number) => call<Item | null>("deadline_detail", { id, rule, round }),
  exportIcs: (id: string | null) => call<IcsExport | null>("export_ics", { id }),
  printPdf: (id: string, kind: PdfKind, save: boolean) => call<PrintedPdf | null>("print_pdf", { id, kind, save }),
  calendarMonth: (year: number, month: number) => call<MonthView>("calendar_month", { year, month }),
  calendarYears: () => call<YearTransfers[]>("calendar_years"),
  saveCalendarYear: (year: YearTransfers) => call<void>("save_calendar_year", { year }),
  resetCalendarYear: (year: number) => call<void>("reset_calendar_year", { year }),
  deadlineServices: () => call<ServiceInputs[]>("deadline_services"),
  computeDeadlines: (service: string, events: Record<string, string>, facts: Record<string, string>) =>
    call<Calculation>("compute_deadlines", { service, events, facts }),
  syncOverview: () => call<SyncOverview>("sync_overview"),
  saveSyncUrl: (url: string) => call<string>("save_sync_url", { url }),
  saveSyncToken: (token: string) => call<void>("save_sync_token", { token }),
  forgetSyncToken: () => call<void>("forget_sync_token"),
  syncNow: () => call<SyncReport>("sync_now"),
  resolveSyncConflict: (applicationId: string, resolution: Resolution) => call<void>("resolve_sync_conflict", { applicationId, resolution }),
  dismissSyncIssues: () => call<void>("dismiss_sync_issues"),
  retryRefusedItems: () => call<number>("retry_refused_items"),
  listBackups: () => call<Backup[]>("list_backups"),
  backupDatabase: () => call<string | null>("backup_database"),
  restoreFromFile: () => call<StagedRestore | null>("restore_from_file"),
  restoreBackup: (path: string) => call<StagedRestore>("restore_backup", { path }),
  cancelRestore: () => call<void>("cancel_restore"),
  restartApp: () => call<void>("restart_app"),
  startWithNewDatabase: () => call<void>("start_with_new_database"),
};
