"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

/** The stored (Chinese) values with an English name of their own: industry chains and the contract's indicators. */
export type Vocabulary = "chains" | "indicators";

/**
 * A stored value as the interface language names it: its English name in the English UI where
 * one is written (messages `vocab`), else the value as stored — a name without a checked
 * translation stays Chinese rather than guessed.
 */
export function useTerm() {
  const t = useTranslations("vocab");
  return useCallback(
    (vocabulary: Vocabulary, value: string) => (t.has(`${vocabulary}.${value}`) ? t(`${vocabulary}.${value}`) : value),
    [t],
  );
}
