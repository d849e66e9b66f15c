// A destructive action asks first: the button opens a question in place, with the action
// and «Отмена»; nothing happens until the user says yes. One component, so every such
// action asks the same way and is read the same way by a screen reader (an alert dialog).
import { useState } from "react";
import { useI18n } from "../i18n";

interface Props {
  /** What the button says («Удалить…»). */
  label: string;
  /** The question, naming what is lost. */
  question: string;
  /** The button that does it («Да, удалить»). */
  yes: string;
  onConfirm: () => unknown;
  /** `x` gives `x` (the button), `x-confirm` (the question) and `x-yes`. */
  testId: string;
}

export function ConfirmButton({ label, question, yes, onConfirm, testId }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="danger" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="warn-box" role="alertdialog" aria-label={label} data-testid={`${testId}-confirm`}>
      <p>{question}</p>
      <button
        type="button"
        className="danger"
        autoFocus
        data-testid={`${testId}-yes`}
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {yes}
      </button>{" "}
      <button type="button" onClick={() => setAsking(false)}>
        {t("common-cancel")}
      </button>
    </div>
  );
}
