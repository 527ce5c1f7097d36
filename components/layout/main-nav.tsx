"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Principal } from "@/lib/auth/permissions";
import { carriedHref } from "@/lib/view";

/** `key` names the link under `nav`, or `message` gives its full message path. */
type Item = { href: string; key: string; message?: string; roles?: readonly Principal["role"][] };

/** Links a role has no use for are left out; that is a courtesy, the server refuses them anyway. */
const ITEMS: Item[] = [
  { href: "/", key: "overview" },
  { href: "/projects", key: "projects" },
  { href: "/promotions", key: "promotions" },
  { href: "/adjustments", key: "adjustments" },
  { href: "/arena", key: "arena" },
  { href: "/indicators", key: "indicators" },
  { href: "/evaluations", key: "evaluations" },
  { href: "/job-fit", key: "jobFit" },
  { href: "/young-cadres", key: "youngCadres" },
  { href: "/selections", key: "selections" },
  { href: "/routine-assessments", key: "routineAssessments" },
  { href: "/organisations", key: "organisations" },
  { href: "/member-care", key: "memberCare" },
  { href: "/reports", key: "reports" },
  { href: "/outstanding", key: "outstanding", message: "outstanding.nav" },
  { href: "/periods", key: "periods", message: "periods.nav" },
  { href: "/review", key: "review", message: "review.nav", roles: ["clerk", "admin"] },
  { href: "/upload", key: "upload", roles: ["clerk", "admin"] },
  { href: "/uploads", key: "uploads", roles: ["clerk", "admin"] },
  { href: "/figures", key: "figures", roles: ["clerk", "admin"] },
  { href: "/admin/users", key: "users", roles: ["admin"] },
  { href: "/admin/audit", key: "audit", roles: ["admin"] },
];

export function MainNav({ role }: { role: Principal["role"] }) {
  const t = useTranslations();
  const pathname = usePathname();
  // The region and period in view go along to the next page, so an official keeps their banner.
  const search = new URLSearchParams(useSearchParams());
  const profiled = pathname.match(/^\/regions\/(\d{6})/);
  if (profiled) search.set("region", profiled[1]);
  const current = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t("nav.label")}>
      <ul className="-mb-px flex flex-wrap gap-x-1 text-sm">
        {ITEMS.filter((item) => !item.roles || item.roles.includes(role)).map((item) => (
          <li key={item.href}>
            <Link
              href={carriedHref(item.href, search)}
              aria-current={current(item.href) ? "page" : undefined}
              className="inline-block border-b-2 border-transparent px-3 py-2.5 text-muted hover:text-ink aria-[current=page]:border-brand aria-[current=page]:font-medium aria-[current=page]:text-ink"
            >
              {t(item.message ?? `nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
