// The window's one cache of what Rust holds (TanStack Query): each list or record is read
// through a hook here, once, however many screens show it; a change invalidates what it
// touched and every screen showing it refreshes. No screen polls or keeps its own copy.
import { keepPreviousData, QueryClient, useQuery } from "@tanstack/react-query";
import { listen } from "@tauri-apps/api/event";
import { useEffect, useState } from "react";
import { api } from "./api";
import type { ApplicationFilter, DashboardQuery, FormSchema, IpcError, RunStatus, SyncOverview } from "./bindings";

// Every read fails with the Rust side's IpcError (see ipc.ts), never a bare Error.
declare module "@tanstack/react-query" {
  interface Register {
    defaultError: IpcError;
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    // A failure is shown to the user, in words, and tried again when they act: retrying
    // on its own would hide a refusal (a damaged database) behind a spinner.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
  },
});

/** What each cached read is called; invalidating a prefix refreshes every read under it. */
export const keys = {
  schemas: ["schemas"] as const,
  organisations: ["organisations"] as const,
  applications: ["applications"] as const,
  application: (id: string) => ["application", id] as const,
  timeline: (id: string) => ["timeline", id] as const,
  services: ["services"] as const,
  dashboard: ["dashboard"] as const,
  sync: ["sync"] as const,
  backups: ["backups"] as const,
  calendar: ["calendar"] as const,
  settings: ["settings"] as const,
};

/** After anything that changes applications or their events: lists, dates, the dashboard,
 * and the timeline and view of application `id`, or of every one when no id is given (a
 * sync run or an import may have changed any of them). */
export function applicationsChanged(id?: string): void {
  void queryClient.invalidateQueries({ queryKey: keys.applications });
  void queryClient.invalidateQueries({ queryKey: keys.dashboard });
  void queryClient.invalidateQueries({ queryKey: id ? keys.timeline(id) : ["timeline"] });
  void queryClient.invalidateQueries({ queryKey: id ? keys.application(id) : ["application"] });
  // Each profile counts its applications (one with none may be deleted).
  void queryClient.invalidateQueries({ queryKey: keys.organisations });
}

/** After a transfer was saved: every month and every date worked out from them. */
export function calendarChanged(): void {
  void queryClient.invalidateQueries({ queryKey: keys.calendar });
  void queryClient.invalidateQueries({ queryKey: ["calculation"] });
  applicationsChanged();
  void queryClient.invalidateQueries({ queryKey: ["timeline"] });
}

/** After the address, the token or a conflict changed: the sync panel reads again. */
export function syncChanged(): void {
  void queryClient.invalidateQueries({ queryKey: keys.sync });
}

/** Follows the sync runner's status events (once, for the whole window): the status line
 * moves with them, and when a run ends what it may have changed is read again. */
export function followSyncStatus(): () => void {
  let unlisten: (() => void) | undefined;
  let stopped = false;
  listen<RunStatus>("sync-status", (e) => {
    queryClient.setQueryData<SyncOverview>(keys.sync, (o) => (o ? { ...o, run: e.payload } : o));
    if (!e.payload.running) {
      syncChanged();
      applicationsChanged();
    }
  }).then(
    (u) => (stopped ? u() : (unlisten = u)),
    () => undefined,
  );
  return () => {
    stopped = true;
    unlisten?.();
  };
}

export function useSchemas() {
  return useQuery<FormSchema[]>({ queryKey: keys.schemas, queryFn: api.formSchemas, staleTime: Infinity });
}

export function useOrganisations() {
  return useQuery({ queryKey: keys.organisations, queryFn: api.listOrganisations });
}

export function useServices() {
  return useQuery({ queryKey: keys.services, queryFn: api.deadlineServices, staleTime: Infinity });
}

/** The first `limit` applications the filter finds, and how many it finds in all (paged in Rust). */
export function useApplications(filter: ApplicationFilter, limit: number) {
  return useQuery({
    queryKey: [...keys.applications, filter, limit],
    queryFn: () => api.listApplications(filter, { offset: 0, limit }),
    // While the next page or a refreshed list comes, the one shown stays.
    placeholderData: keepPreviousData,
  });
}

export function useDashboard(query: DashboardQuery) {
  return useQuery({ queryKey: [...keys.dashboard, query], queryFn: () => api.dashboard(query) });
}

export function useExpiring(days: number) {
  return useQuery({ queryKey: [...keys.dashboard, "expiring", days], queryFn: () => api.expiringContracts(days) });
}

/** One month of the working-day calendar; a changed transfer invalidates `keys.calendar`. */
export function useMonth(year: number, month: number) {
  return useQuery({ queryKey: [...keys.calendar, year, month], queryFn: () => api.calendarMonth(year, month), placeholderData: keepPreviousData });
}

/** The transfers held for each year (the editor under the month). */
export function useCalendarYears() {
  return useQuery({ queryKey: [...keys.calendar, "years"], queryFn: api.calendarYears });
}

export function useBackups() {
  return useQuery({ queryKey: keys.backups, queryFn: api.listBackups });
}

/** The calculator's answer for what is typed, asked once typing pauses. */
export function useCalculation(service: string | undefined, events: Record<string, string>, facts: Record<string, string>) {
  const asked = useDebounced({ service, events, facts }, 250);
  return useQuery({
    queryKey: ["calculation", asked],
    queryFn: () => api.computeDeadlines(asked.service!, asked.events, asked.facts),
    enabled: !!asked.service && asked.service === service,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: keys.timeline(id), queryFn: () => api.applicationTimeline(id) });
}

/** `value` once it has stopped changing for `ms` (a search box asks Rust once per pause, not per key). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
