// A computed date that opens to show how it was worked out. The words come whole from Rust
// (rule and clause, base event, period, each skipped day and why, any roll-forward, the
// provisional flag), so the CLI and the window explain a date the same way.
import type { Item, Lang, ServiceInputs } from "../bindings";
import { formatDue } from "../format";
import { useI18n } from "../i18n";

/** The date itself, as a button that opens or closes its explanation. */
export function DateButton({ item, open, onToggle, testId }: { item: Item; open: boolean; onToggle: () => void; testId?: string }) {
  const { t } = useI18n();
  if (item.due === null) return <span className="muted">…</span>;
  return (
    <button
      type="button"
      className={`date-button${item.provisional ? " provisional" : ""}`}
      aria-expanded={open}
      title={t("explain-show")}
      data-testid={testId}
      onClick={onToggle}
    >
      {formatDue(item.due)}
      {item.provisional && <span className="badge">{t("explain-provisional")}</span>}
    </button>
  );
}

/** How the date was worked out. */
export function ExplanationPanel({ item, testId }: { item: Item; testId?: string }) {
  const { t } = useI18n();
  const e = item.explanation;
  return (
    <div className="explanation" role="region" aria-label={t("explain-show")} data-testid={testId}>
      {/* The text ends with its ground: the clause and the seed's title, once. */}
      <p>{e.text}</p>
    </div>
  );
}

/** What a date not yet known waits for, by name: the events' and facts' labels. */
export function waitingFor(service: ServiceInputs | undefined, item: Item, lang: Lang): string {
  const eventNames = (item.waiting_for ?? []).map((e) => service?.events.find((s) => s.id === e)?.label[lang] ?? e);
  const factNames = (item.needs_facts ?? []).map((f) => service?.facts.find((s) => s.id === f)?.label[lang] ?? f);
  return [...eventNames, ...factNames].map((n) => `«${n}»`).join(", ");
}
