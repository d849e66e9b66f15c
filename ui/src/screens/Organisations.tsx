// Organisation profiles: the list on the left, the selected (or new) profile's form on the
// right, rendered from the `organisation` schema. Checks happen in Rust; a profile is
// stored only whole, and each problem is shown next to its field.
import { useRef, useState, type FormEvent } from "react";
import { api } from "../api";
import type { FieldError, IpcError, Organisation } from "../bindings";
import { SchemaForm, pathId, type Values } from "../components/SchemaForm";
import { formatDateTime } from "../format";
import { useI18n } from "../i18n";
import { keys, queryClient, useOrganisations, useSchemas } from "../queries";

export function Organisations() {
  const { lang, t } = useI18n();
  const schema = useSchemas().data?.find((s) => s.kind === "organisation") ?? null;
  const organisations = useOrganisations();
  const list = organisations.data ?? null;
  const [selected, setSelected] = useState<number | null>(null);
  const [values, setValues] = useState<Values>({});
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [ownError, setError] = useState<IpcError | null>(null);
  const error = ownError ?? organisations.error ?? null;
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const reload = () => queryClient.invalidateQueries({ queryKey: keys.organisations });

  const openProfile = (o: Organisation | null) => {
    setSelected(o?.id ?? null);
    setValues(o ? (o.values as Values) : {});
    setFieldErrors([]);
    setError(null);
    setSaved(false);
    setTimeout(() => formRef.current?.querySelector<HTMLInputElement>("input, select")?.focus(), 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    try {
      const stored = selected === null ? await api.createOrganisation(values) : await api.updateOrganisation(selected, values);
      setSelected(stored.id);
      setValues(stored.values as Values);
      setFieldErrors([]);
      setError(null);
      setSaved(true);
      await reload();
    } catch (err) {
      const ipc = err as IpcError;
      setError(ipc);
      setFieldErrors(ipc.fields);
      const first = ipc.fields[0]?.field;
      if (first) document.getElementById(`field-${pathId(first)}`)?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="split">
      <div className="list-pane">
        <h1>{t("nav-organisations")}</h1>
        <button type="button" className="primary" data-testid="org-new" onClick={() => openProfile(null)}>
          + {t("org-new")}
        </button>
        {list === null ? (
          <p className="muted">{t("common-loading")}</p>
        ) : list.length === 0 ? (
          <p className="muted" data-testid="org-empty">
            {t("org-empty")}
          </p>
        ) : (
          <ul className="item-list" aria-label={t("org-listLabel")} data-testid="org-list">
            {list.map((o) => (
              <li key={o.id}>
                <button type="button" data-testid="org-item" aria-current={selected === o.id ? "true" : undefined} onClick={() => openProfile(o)}>
                  <span className="item-title">{o.name}</span>
                  <span className="item-sub">
                    {t("org-field-unp")} {o.unp} · {t("org-updated")} {formatDateTime(o.updated_at)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <form className="form-pane" ref={formRef} onSubmit={submit} noValidate data-testid="org-form">
        <h2>{selected === null ? t("org-newTitle") : t("org-editTitle")}</h2>
        {schema && <SchemaForm fields={schema.fields} values={values} errors={fieldErrors} onChange={(v) => (setValues(v), setSaved(false))} />}
        {error && (
          <p className="error" role="alert" data-testid="org-error">
            {error.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving} data-testid="org-save">
            {saving ? t("common-saving") : t("common-save")}
          </button>
          {saved && (
            <span className="ok" role="status" data-testid="org-saved">
              ✓ {t("common-saved")}
            </span>
          )}
        </div>
        <p className="muted small">{schema?.title[lang]}</p>
      </form>
    </section>
  );
}
