import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * What a signed-in user sees on an upload page they may not use. Only a courtesy: the API refuses
 * the same requests on its own.
 */
export function UploadForbidden({ role, reason = "role" }: { role: string; reason?: "role" | "batch" }) {
  const t = useTranslations();
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-line bg-surface p-6 text-center shadow-sm"
      data-testid="upload-forbidden"
    >
      <h1 className="text-xl font-semibold text-ink">{t("upload.forbidden.title")}</h1>
      <p className="mt-2 text-sm text-muted">
        {reason === "batch" ? t("upload.forbidden.batch") : t("upload.forbidden.body", { role: t(`roles.${role}`) })}
      </p>
      <Link href="/" className="mt-4 inline-block rounded-md bg-brand px-4 py-2 text-sm text-white hover:bg-brand/90">
        {t("upload.forbidden.back")}
      </Link>
    </div>
  );
}
