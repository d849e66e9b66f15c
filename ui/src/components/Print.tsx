// «Печать» and «Сохранить PDF…», the same on every view that prints: the first opens the
// PDF in the system's viewer; the second writes it where the user chooses (the system's
// dialog, opened from Rust, proposing a name in the user's language). When no viewer opens
// it, the user is told in words and the save dialog opens at once: printing always ends
// with the document somewhere.
import { useState } from "react";
import { api } from "../api";
import type { PdfKind } from "../bindings";
import { useI18n, type MessageKey, useWords } from "../i18n";
import { useOpenOrSave } from "./openOrSave";

const ALL_KINDS: PdfKind[] = ["application", "package", "schedule"];

export function PrintButtons({ id, kinds = ALL_KINDS, beforePrint, testId = "print" }: { id: string; kinds?: PdfKind[]; beforePrint?: () => Promise<void>; testId?: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PdfKind>(kinds[0]);
  const [result, setResult] = useWords<string>();
  const { busy, error, go: make } = useOpenOrSave(
    (save) => api.printPdf(id, kind, save),
    (r) => setResult(r.replaced ? t("print-done-replaced", { pages: r.pages, chars: r.replaced }) : t("print-done", { pages: r.pages })),
    "print.cannot_open",
    beforePrint,
  );
  /** `save`: ask where to write it; else open it in the viewer, or save it when none opens it. */
  const go = (save: boolean) => {
    setResult(null);
    return make(save);
  };
  return (
    <span className="print">
      {kinds.length > 1 && (
        <select aria-label={t("print-kind")} data-testid={`${testId}-kind`} value={kind} onChange={(e) => setKind(e.target.value as PdfKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`print-${k}` as MessageKey)}
            </option>
          ))}
        </select>
      )}
      <button type="button" disabled={busy} data-testid={`${testId}-open`} onClick={() => void go(false)}>
        {busy ? t("print-busy") : t("print-print")}
      </button>
      <button type="button" disabled={busy} data-testid={`${testId}-save`} onClick={() => void go(true)}>
        {t("print-saveAs")}
      </button>
      {result && (
        <span className="ok small" data-testid={`${testId}-result`}>
          {result}
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
