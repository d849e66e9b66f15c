// Organisation profiles: the list on the left, the selected (or new) profile's form on the
// right. Field checks happen in Rust; their messages are shown next to each field.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { api } from "../api";
import type { FieldError, IpcError, Organisation, OrganisationDraft } from "../bindings";
import { formatDateTime } from "../format";
import { useI18n, type MessageKey } from "../i18n";

const fields: { key: keyof OrganisationDraft; label: MessageKey; hint?: MessageKey; type?: string }[] = [
  { key: "name", label: "org.field.name" },
  { key: "unp", label: "org.field.unp", hint: "org.hint.unp" },
  { key: "address", label: "org.field.address" },
  { key: "email", label: "org.field.email", type: "email" },
];

const blank: OrganisationDraft = { name: "", unp: "", address: "", email: "" };

export function draftOf(o: Organisation): OrganisationDraft {
  return { name: o.name, unp: o.unp, address: o.address, email: o.email };
}

export function Organisations() {
  const { t } = useI18n();
  const [list, setList] = useState<Organisation[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<OrganisationDraft>(blank);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<IpcError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const reload = useCallback(() => api.listOrganisations().then(setList, setError), []);
  useEffect(() => {
    reload();
  }, [reload]);

  const open = (o: Organisation | null) => {
    setSelected(o?.id ?? null);
    setDraft(o ? draftOf(o) : blank);
    setFieldErrors([]);
    setError(null);
    setSaved(false);
    setTimeout(() => formRef.current?.querySelector<HTMLInputElement>("input")?.focus(), 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    try {
      const stored = selected === null ? await api.createOrganisation(draft) : await api.updateOrganisation(selected, draft);
      setSelected(stored.id);
      setDraft(draftOf(stored));
      setFieldErrors([]);
      setError(null);
      setSaved(true);
      await reload();
    } catch (err) {
      const ipc = err as IpcError;
      setError(ipc);
      setFieldErrors(ipc.fields);
      const first = ipc.fields[0]?.field;
      if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    } finally {
      setSaving(false);
    }
  };

  const errorFor = (key: string) => fieldErrors.find((f) => f.field === key);

  return (
    <section className="split">
      <div className="list-pane">
        <h1>{t("nav.organisations")}</h1>
        <button type="button" className="primary" data-testid="org-new" onClick={() => open(null)}>
          + {t("org.new")}
        </button>
        {list === null ? (
          <p className="muted">{t("common.loading")}</p>
        ) : list.length === 0 ? (
          <p className="muted" data-testid="org-empty">
            {t("org.empty")}
          </p>
        ) : (
          <ul className="item-list" aria-label={t("org.listLabel")} data-testid="org-list">
            {list.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  data-testid="org-item"
                  aria-current={selected === o.id ? "true" : undefined}
                  onClick={() => open(o)}
                >
                  <span className="item-title">{o.name}</span>
                  <span className="item-sub">
                    {t("org.field.unp")} {o.unp} · {t("org.updated")} {formatDateTime(o.updated_at)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <form className="form-pane" ref={formRef} onSubmit={submit} noValidate data-testid="org-form">
        <h2>{selected === null ? t("org.newTitle") : t("org.editTitle")}</h2>
        {fields.map((f) => {
          const err = errorFor(f.key);
          const id = `org-${f.key}`;
          return (
            <div className={`field${err ? " invalid" : ""}`} key={f.key}>
              <label htmlFor={id}>{t(f.label)}</label>
              <input
                id={id}
                name={f.key}
                type={f.type ?? "text"}
                data-testid={id}
                value={draft[f.key]}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${id}-error` : undefined}
                placeholder={f.hint ? t(f.hint) : undefined}
                onChange={(e) => {
                  setDraft({ ...draft, [f.key]: e.target.value });
                  setSaved(false);
                }}
              />
              {err && (
                <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
                  {err.message}
                </span>
              )}
            </div>
          );
        })}
        {error && error.fields.length === 0 && (
          <p className="error" role="alert" data-testid="org-error">
            {error.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving} data-testid="org-save">
            {saving ? t("common.saving") : t("common.save")}
          </button>
          {saved && (
            <span className="ok" role="status" data-testid="org-saved">
              ✓ {t("common.saved")}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
