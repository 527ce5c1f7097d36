"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its table or chart is wider than the screen. It takes the
 * keyboard focus (a named region), so that people who do not use a mouse can scroll it too. It is
 * positioned, so that visually hidden labels (absolutely placed) in its cells stay inside it
 * instead of widening the page. A shadow at an edge says there is more to that side.
 */
export function ScrollBox({
  label,
  className = "",
  children,
}: {
  /** What the box holds (a table's caption); a general name otherwise. */
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations("dashCommon");
  return (
    <section
      aria-label={label ?? t("scrollRegion")}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className={`scroll-shadows relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 ${className}`}
    >
      {children}
    </section>
  );
}
