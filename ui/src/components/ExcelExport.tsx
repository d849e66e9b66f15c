// «Excel»: a registry written as an .xlsx file where the user chooses (the system's dialog,
// opened from Rust, proposing a name in the user's language). Rust makes the sheet from the
// same filter or query the view shows, so the file holds what the user sees, all of it.
import { useState } from "react";
import { api } from "../api";
import type { ApplicationFilter, DashboardQuery, IpcError, Registry } from "../bindings";
import { useI18n, useWords } from "../i18n";

const NO_FILTER: ApplicationFilter = { organisation_id: null, service: null, status: null, stage: null, text: null, archived: false };
const NO_QUERY: DashboardQuery = { working_days: 10, party: null, limit: 500 };

export function ExcelExport({ registry, label, filter = NO_FILTER, query = NO_QUERY, testId }: { registry: Registry; label: string; filter?: ApplicationFilter; query?: DashboardQuery; testId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useWords<string>();
  const [error, setError] = useWords<string>();
  const go = async () => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const r = await api.exportXlsx(registry, filter, query);
      if (r) setDone(t("xlsx-done", { rows: r.rows }));
    } catch (e) {
      setError((e as IpcError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="print">
      <button type="button" disabled={busy} data-testid={testId} onClick={() => void go()}>
        {busy ? t("xlsx-busy") : label}
      </button>
      {done && (
        <span className="ok small" data-testid={`${testId}-result`}>
          {done}
        </span>
      )}
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
