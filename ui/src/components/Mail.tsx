// «Подготовить письмо»: drafts the letter as an .eml file and opens it in the user's mail
// program as an unsent draft (nothing is sent from Zayava). When no mail program opens it,
// the user is told in words and the save dialog opens at once. Once the letter is drafted,
// the window offers to record the event sending it fulfils, dated now: the user confirms
// only after they have sent it.
import { useState } from "react";
import { api } from "../api";
import type { IpcError, Letter, PreparedMail } from "../bindings";
import { formatDue } from "../format";
import { useI18n, useWords } from "../i18n";
import { applicationsChanged } from "../queries";
import { useOpenOrSave } from "./openOrSave";

/** `done`: what the letter is for has happened; only what was just recorded stays shown. */
export function MailButton({ id, letter, to, done = false, beforeMail, onRecorded, testId = "mail" }: { id: string; letter: Letter; to: string; done?: boolean; beforeMail?: () => Promise<void>; onRecorded?: () => void; testId?: string }) {
  const { t } = useI18n();
  const [prepared, setPrepared] = useState<PreparedMail | null>(null);
  const [recorded, setRecorded] = useWords<string>();
  const { busy, setBusy, error, setError, go: make } = useOpenOrSave((save) => api.prepareMail(id, letter, save), setPrepared, "mail.cannot_open", beforeMail);
  const go = (save: boolean) => {
    setRecorded(null);
    return make(save);
  };

  const record = async () => {
    if (!prepared) return;
    setBusy(true);
    try {
      await api.recordEvent(id, { event: prepared.record.event, at: prepared.record.at, corrects: null, note: "" });
      setRecorded(t("mail-recorded", { event: prepared.record.label, date: formatDue(prepared.record.at) }));
      setPrepared(null);
      setError(null);
      applicationsChanged(id);
      onRecorded?.();
    } catch (e) {
      setError((e as IpcError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="mail">
      {!done && (
        <>
          <button type="button" disabled={busy} data-testid={`${testId}-open`} onClick={() => void go(false)} title={t("mail-to", { to })}>
            {t("mail-prepare")}
          </button>
          <button type="button" disabled={busy} data-testid={`${testId}-save`} onClick={() => void go(true)}>
            {t("mail-save")}
          </button>
        </>
      )}
      {prepared && !done && (
        <span className="ask small" role="status" data-testid={`${testId}-sent`}>
          {t("mail-ready", { to: prepared.to })}{" "}
          <button type="button" className="primary" disabled={busy} data-testid={`${testId}-record`} onClick={() => void record()}>
            {t("mail-record", { event: prepared.record.label, date: formatDue(prepared.record.at) })}
          </button>{" "}
          <button type="button" data-testid={`${testId}-later`} onClick={() => setPrepared(null)}>
            {t("mail-notYet")}
          </button>
        </span>
      )}
      {recorded && (
        <span className="ok small" role="status" data-testid={`${testId}-recorded`}>
          {recorded}
        </span>
      )}
      {error && (
        <span className="error small" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </span>
  );
}
