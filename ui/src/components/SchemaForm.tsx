// Renders any form from its schema (the same JSON the Rust validator reads), so no screen
// hard-codes a service's fields. Values are a plain JSON object; the findings shown next to
// each field come from Rust, matched by path (`users[1].email`).
import { useCallback, useState, type FocusEvent } from "react";
import { api } from "../api";
import type { AttachmentRef, Field, FieldError, IpcError } from "../bindings";
import { formatDate, formatPhone, toIso } from "../format";
import { useI18n, useWords } from "../i18n";

export type Values = Record<string, unknown>;

/** `users[1].email` → `users.1.email`, for test ids and element ids. */
export function pathId(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

export function applies(field: Field, siblings: Values): boolean {
  return !field.when || siblings[field.when.field] === field.when.equals;
}

/** How a stored value is shown in its input. */
export function shown(field: Field, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (field.type === "phone" && typeof value === "string") return formatPhone(value);
  return String(value);
}

/** What a typed text is stored as: ISO for dates, a number for whole numbers. */
export function stored(field: Field, typed: string): unknown {
  if (field.type === "date") return toIso(typed);
  if (field.type === "integer") return /^\s*\d+\s*$/.test(typed) ? Number(typed) : typed;
  return typed;
}

/**
 * Which fields the user has left, so both forms check the same way: a field's problems show
 * once it is left, and every problem once the user saves (or asks for the check). Put
 * `onBlur` on the form: focus leaving any input (`field-…`) marks its path.
 */
export function useLeftFields() {
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  /** Marks the field whose input has this element id (`field-users.1.email`) as left. */
  const markLeft = useCallback((id: string) => {
    if (!id.startsWith("field-")) return;
    const path = id.slice("field-".length);
    setLeft((s) => (s.has(path) ? s : new Set(s).add(path)));
  }, []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => markLeft(e.target.id), [markLeft]);
  /** The findings to show: those of fields left, or all of them once `all`. */
  const shownOf = useCallback((errors: FieldError[], all: boolean) => (all ? errors : errors.filter((e) => left.has(pathId(e.field)))), [left]);
  return { left, onBlur, markLeft, shownOf, reset: () => setLeft(new Set()) };
}

interface Props {
  fields: Field[];
  values: Values;
  errors: FieldError[];
  onChange: (values: Values) => void;
  prefix?: string;
}

export function SchemaForm({ fields, values, errors, onChange, prefix = "" }: Props) {
  return (
    <>
      {fields
        .filter((f) => applies(f, values))
        .map((f) => (
          <FieldInput
            key={f.id}
            field={f}
            path={prefix ? `${prefix}.${f.id}` : f.id}
            value={values[f.id]}
            errors={errors}
            onChange={(v) => onChange({ ...values, [f.id]: v })}
          />
        ))}
    </>
  );
}

function FieldInput({ field, path, value, errors, onChange }: { field: Field; path: string; value: unknown; errors: FieldError[]; onChange: (v: unknown) => void }) {
  const { lang, t } = useI18n();
  const id = `field-${pathId(path)}`;
  const own = errors.filter((e) => e.field === path);
  const label = (
    <>
      {field.label[lang]}
      {field.required && <span className="required" aria-hidden="true"> *</span>}
      {field.clause && <span className="clause"> · {t("form-clause", { clause: field.clause })}</span>}
    </>
  );
  const describedBy = own.length > 0 ? `${id}-error` : field.hint ? `${id}-hint` : undefined;
  const messages = (
    <>
      {field.hint && own.length === 0 && (
        <span className="muted small" id={`${id}-hint`}>
          {field.hint[lang]}
        </span>
      )}
      {own.length > 0 && (
        <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {own.map((e) => e.message).join(" ")}
        </span>
      )}
    </>
  );
  const invalid = own.length > 0 ? true : undefined;

  if (field.type === "flag" && field.required) {
    // A question that must be answered: «Да» and «Нет» both count, blank does not.
    return (
      <fieldset className={`field yes-no${own.length ? " invalid" : ""}`} aria-invalid={invalid} aria-describedby={describedBy} data-testid={id}>
        <legend>{label}</legend>
        <div className="inline">
          {[true, false].map((answer) => (
            <label key={String(answer)} className="radio">
              <input type="radio" name={id} data-testid={`${id}-${answer ? "yes" : "no"}`} checked={value === answer} onChange={() => onChange(answer)} />
              <span>{t(answer ? "common-yes" : "common-no")}</span>
            </label>
          ))}
        </div>
        {messages}
      </fieldset>
    );
  }

  switch (field.type) {
    case "list":
      return <ListInput field={field} path={path} value={value} errors={errors} onChange={onChange} />;
    case "flag":
    case "prerequisite":
    case "confirm":
      return (
        <div className={`field check${own.length ? " invalid" : ""}${field.type === "prerequisite" ? " prerequisite" : ""}`}>
          <label htmlFor={id}>
            <input id={id} type="checkbox" data-testid={id} checked={value === true} aria-invalid={invalid} onChange={(e) => onChange(e.target.checked)} />
            <span>{label}</span>
          </label>
          {messages}
        </div>
      );
    case "choice":
      return (
        <div className={`field${own.length ? " invalid" : ""}`}>
          <label htmlFor={id}>{label}</label>
          <select id={id} data-testid={id} value={typeof value === "string" ? value : ""} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">{t("deadlines-choose")}</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label[lang]}
              </option>
            ))}
          </select>
          {messages}
        </div>
      );
    case "attachment":
      return <AttachmentInput id={id} label={label} labelText={field.label[lang]} value={value as AttachmentRef | undefined} onChange={onChange} messages={messages} invalid={own.length > 0} />;
    case "multiline":
      return (
        <div className={`field${own.length ? " invalid" : ""}`}>
          <label htmlFor={id}>{label}</label>
          <textarea id={id} data-testid={id} rows={3} value={shown(field, value)} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
          {messages}
        </div>
      );
    default:
      return (
        <div className={`field${own.length ? " invalid" : ""}`}>
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            data-testid={id}
            value={shown(field, value)}
            inputMode={field.type === "integer" ? "numeric" : undefined}
            placeholder={field.type === "date" ? t("deadlines-datePlaceholder") : undefined}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange(stored(field, e.target.value))}
          />
          {messages}
        </div>
      );
  }
}

function ListInput({ field, path, value, errors, onChange }: { field: Field; path: string; value: unknown; errors: FieldError[]; onChange: (v: unknown) => void }) {
  const { lang, t } = useI18n();
  const items = Array.isArray(value) ? (value as Values[]) : [];
  const own = errors.filter((e) => e.field === path);
  const itemName = field.item_label?.[lang] ?? "";
  const full = field.max_items !== undefined && field.max_items !== null && items.length >= field.max_items;
  const id = `field-${pathId(path)}`;
  return (
    <fieldset className={`list${own.length ? " invalid" : ""}`} data-testid={id}>
      <legend>
        {field.label[lang]}
        {field.required && <span className="required" aria-hidden="true"> *</span>}
        {field.clause && <span className="clause"> · {t("form-clause", { clause: field.clause })}</span>}
      </legend>
      {items.map((item, i) => (
        <div className="list-item" key={i}>
          <div className="list-item-head">
            <strong>
              {itemName} {i + 1}
            </strong>
            <button type="button" data-testid={`${id}.${i}-remove`} aria-label={t("form-removeItem", { item: `${itemName} ${i + 1}` })} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t("form-remove")}
            </button>
          </div>
          <SchemaForm fields={field.fields} values={item} errors={errors} prefix={`${path}[${i}]`} onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))} />
        </div>
      ))}
      {own.length > 0 && (
        <span className="field-error" data-testid={`${id}-error`}>
          {own.map((e) => e.message).join(" ")}
        </span>
      )}
      <button type="button" className="add" data-testid={`${id}-add`} disabled={full} aria-label={t("form-addItem", { field: field.label[lang] })} onClick={() => onChange([...items, {}])}>
        + {t("form-add")}
      </button>
      {full && <span className="muted small"> {t("form-listFull")}</span>}
    </fieldset>
  );
}

function AttachmentInput({ id, label, labelText, value, onChange, messages, invalid }: { id: string; label: React.ReactNode; labelText: string; value: AttachmentRef | undefined; onChange: (v: unknown) => void; messages: React.ReactNode; invalid: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useWords<string>();
  const pick = async () => {
    setError(null);
    setBusy(true);
    try {
      // The system's file dialog opens from Rust; nothing happens if the user cancels.
      const attached = await api.attachFile();
      if (attached) onChange(attached);
    } catch (e) {
      setError((e as IpcError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`field${invalid ? " invalid" : ""}`}>
      <span className="label">{label}</span>
      <div className="inline">
        {value?.sha256 ? (
          <span data-testid={`${id}-name`}>
            {value.name} ({t("common-sizeKb", { kb: Math.max(1, Math.round(value.size / 1024)) })})
          </span>
        ) : (
          <span className="muted">{t("form-noFile")}</span>
        )}
        <button type="button" data-testid={id} disabled={busy} aria-label={`${t("form-chooseFile")} ${labelText}`} onClick={pick}>
          {busy ? t("form-copying") : t("form-chooseFile")}
        </button>
        {value?.sha256 && (
          <button type="button" aria-label={`${t("form-remove")}: ${value.name}`} onClick={() => onChange(null)}>
            {t("form-remove")}
          </button>
        )}
      </div>
      {error && <span className="field-error">{error}</span>}
      {messages}
    </div>
  );
}
