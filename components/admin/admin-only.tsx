import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * What a signed-in non-admin sees on an admin page. The page renders nothing else, and the API
 * answers 403 anyway: this message is a courtesy, not the protection.
 */
export async function AdminOnly() {
  const t = await getTranslations("admin");
  return (
    <section role="alert" className="mx-auto max-w-xl py-16 text-center" data-testid="admin-only">
      <p className="text-sm font-semibold text-brand">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-muted">{t("forbiddenBody")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand px-4 py-2 text-sm text-white">
        {t("home")}
      </Link>
    </section>
  );
}
