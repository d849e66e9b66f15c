// A placeholder for sections that later issues fill in.
import { useI18n } from "../i18n";

export function ComingSoon({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <section data-testid="coming-soon">
      <h1>{title}</h1>
      <p className="muted">{t("common.comingSoon")}</p>
    </section>
  );
}
