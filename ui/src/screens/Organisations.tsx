// Organisation profiles: the list on the left, the selected (or new) profile's form on the
// right, rendered from the `organisation` schema. Checks happen in Rust, as each field is
// left and on save; a profile is stored only whole, and each problem is shown next to its
// field. Another profile with the same УНП is warned about before saving. A profile no
// longer worked with is archived; one no application names can be deleted, after asking.
import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from "react";
import { api } from "../api";
import type { IpcError, Organisation, ProfileCheck } from "../bindings";
import { ConfirmButton } from "../components/Confirm";
import { useReadOnly } from "../components/Sync";
import { SchemaForm, pathId, useLeftFields, type Values } from "../components/SchemaForm";
import { formatDateTime } from "../format";
import { useI18n, useWords } from "../i18n";
import { keys, queryClient, useOrganisations, useSchemas } from "../queries";

export function Organisations() {
  const { lang, t } = useI18n();
  // A reader's desktop shows the profiles and changes none (the notice above says why).
  const readOnly = useReadOnly() !== null;
  const schema = useSchemas().data?.find((s) => s.kind === "organisation") ?? null;
  const organisations = useOrganisations();
  const [showArchived, setShowArchived] = useState(false);
  const all = organisations.data ?? null;
  const list = all?.filter((o) => showArchived || !o.archived) ?? null;
  const [selected, setSelected] = useState<number | null>(null);
  const current = all?.find((o) => o.id === selected) ?? null;
  const [values, setValues] = useState<Values>({});
  const [check, setCheck] = useState<ProfileCheck | null>(null);
  // Every problem is shown once the user tried to save; before, those of fields left.
  const [tried, setTried] = useState(false);
  const [duplicateConfirmed, setDuplicateConfirmed] = useState(false);
  const [ownError, setError] = useWords<IpcError>();
  const error = ownError ?? organisations.error ?? null;
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const left = useLeftFields();

  const reload = () => queryClient.invalidateQueries({ queryKey: keys.organisations });

  const openProfile = (o: Organisation | null) => {
    setSelected(o?.id ?? null);
    setValues(o ? (o.values as Values) : {});
    setCheck(null);
    setTried(false);
    setDuplicateConfirmed(false);
    left.reset();
    setError(null);
    setSaved(false);
    setTimeout(() => formRef.current?.querySelector<HTMLInputElement>("input, select")?.focus(), 0);
  };

  // Checked in Rust as the user goes: each time a field is left, and on save.
  const recheck = async (v: Values) => {
    try {
      const result = await api.checkOrganisation(selected, v);
      setCheck(result);
      return result;
    } catch (e) {
      setError(e as IpcError);
      return null;
    }
  };
  // Leaving a field checks the profile as it stands (what is shown: the fields left).
  // The findings shown are Rust's sentences: asked again in a new language.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (lang === shownLang.current) return;
    shownLang.current = lang;
    if (check) void recheck(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);
  const onBlur = (e: FocusEvent<HTMLFormElement>) => {
    left.onBlur(e);
    if (e.target.id.startsWith("field-")) void recheck(values);
  };

  const store = async () => {
    setSaving(true);
    try {
      const stored = selected === null ? await api.createOrganisation(values) : await api.updateOrganisation(selected, values);
      setSelected(stored.id);
      setValues(stored.values as Values);
      setCheck(null);
      setTried(false);
      left.reset();
      setDuplicateConfirmed(false);
      setError(null);
      setSaved(true);
      await reload();
    } catch (err) {
      const ipc = err as IpcError;
      setError(ipc);
      setCheck((c) => ({ issues: ipc.fields, same_unp: c?.same_unp ?? [] }));
      const first = ipc.fields[0]?.field;
      if (first) document.getElementById(`field-${pathId(first)}`)?.focus();
    } finally {
      setSaving(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setSaved(false);
    const result = await recheck(values);
    if (!result) return;
    if (result.issues.length > 0) {
      setError(null);
      const first = result.issues[0].field;
      document.getElementById(`field-${pathId(first)}`)?.focus();
      return;
    }
    // A second profile with the same УНП is usually a mistake: the user says so first.
    if (result.same_unp.length > 0 && !duplicateConfirmed) {
      document.querySelector<HTMLElement>("[data-testid=org-same-unp] button")?.focus();
      return;
    }
    await store();
  };

  const archive = async (archived: boolean) => {
    if (selected === null) return;
    try {
      await api.archiveOrganisation(selected, archived);
      setError(null);
      await reload();
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const remove = async () => {
    if (selected === null) return;
    try {
      await api.deleteOrganisation(selected);
      openProfile(null);
      await reload();
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const shownErrors = left.shownOf(check?.issues ?? [], tried);
  const sameUnp = check?.same_unp ?? [];
  const archivedCount = all?.filter((o) => o.archived).length ?? 0;

  return (
    <section className="split">
      <div className="list-pane">
        <h1>{t("nav-organisations")}</h1>
        <button type="button" className="primary" data-testid="org-new" disabled={readOnly} onClick={() => openProfile(null)}>
          + {t("org-new")}
        </button>
        {list === null ? (
          <p className="muted">{t("common-loading")}</p>
        ) : list.length === 0 && archivedCount === 0 ? (
          <p className="muted" data-testid="org-empty">
            {t("org-empty")}
          </p>
        ) : (
          <ul className="item-list" aria-label={t("org-listLabel")} data-testid="org-list">
            {list.map((o) => (
              <li key={o.id}>
                <button type="button" data-testid="org-item" aria-current={selected === o.id ? "true" : undefined} onClick={() => openProfile(o)}>
                  <span className="item-title">
                    {o.name}
                    {o.archived && <span className="status archived"> {t("org-archivedTag")}</span>}
                  </span>
                  <span className="item-sub">
                    {t("org-field-unp")} {o.unp} · {t("org-applications", { count: o.applications })} · {t("org-updated")} {formatDateTime(o.updated_at)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {archivedCount > 0 && (
          <label className="check-inline">
            <input type="checkbox" data-testid="org-show-archived" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t("org-showArchived", { count: archivedCount })}
          </label>
        )}
      </div>
      <form className="form-pane" ref={formRef} onSubmit={submit} onBlur={onBlur} noValidate data-testid="org-form">
        <h2>
          {selected === null ? t("org-newTitle") : t("org-editTitle")}
          {current?.archived && <span className="status archived"> {t("org-archivedTag")}</span>}
        </h2>
        {schema && (
          <fieldset className="plain" disabled={readOnly}>
            <SchemaForm
              fields={schema.fields}
              values={values}
              errors={shownErrors}
              onChange={(v) => {
                setValues(v);
                setSaved(false);
                setDuplicateConfirmed(false);
              }}
            />
          </fieldset>
        )}
        {sameUnp.length > 0 && (
          <div className="warn-box" role="alert" data-testid="org-same-unp">
            <p>{t("org-sameUnp", { names: sameUnp.map((o) => `«${o.name}»`).join(", ") })}</p>
            {sameUnp.map((o) => (
              <button key={o.id} type="button" onClick={() => openProfile(all?.find((x) => x.id === o.id) ?? null)}>
                {t("org-openOther", { name: o.name })}
              </button>
            ))}{" "}
            {tried && !duplicateConfirmed && (
              <button type="button" data-testid="org-save-anyway" onClick={() => (setDuplicateConfirmed(true), void store())}>
                {t("org-saveAnyway")}
              </button>
            )}
          </div>
        )}
        {error && (
          <p className="error" role="alert" data-testid="org-error">
            {error.message}
          </p>
        )}
        {!readOnly && (
          <div className="actions">
            <button type="submit" className="primary" disabled={saving} data-testid="org-save">
              {saving ? t("common-saving") : t("common-save")}
            </button>
            {saved && (
              <span className="ok" role="status" data-testid="org-saved">
                ✓ {t("common-saved")}
              </span>
            )}
            {current && (
              <button type="button" data-testid="org-archive" onClick={() => void archive(!current.archived)}>
                {current.archived ? t("org-unarchive") : t("org-archive")}
              </button>
            )}
          </div>
        )}
        {current && current.applications === 0 && !readOnly && (
          <ConfirmButton key={current.id} label={t("org-delete")} question={t("org-deleteConfirm", { name: current.name })} yes={t("org-deleteYes")} onConfirm={remove} testId="org-delete" />
        )}
        {current && current.applications > 0 && <p className="muted small">{t("org-cannotDelete", { count: current.applications })}</p>}
        <p className="muted small">{schema?.title[lang]}</p>
      </form>
    </section>
  );
}
