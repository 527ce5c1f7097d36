"use client";

import { useTranslations } from "next-intl";
import { ScreenView } from "@/components/screen/screen-view";
import { useRotation, useScreenData } from "@/components/screen/use-screen-data";

/** The wall screen: its data kept fresh by itself, one dataset after another every `interval` seconds. */
export function ScreenClient({ region, interval }: { region: string | undefined; interval: number }) {
  const t = useTranslations("screen");
  const { data, offline } = useScreenData(region);
  const slideIndex = useRotation(data?.slides.length ?? 1, interval);
  if (!data) {
    return (
      <p className="flex h-full items-center justify-center text-[clamp(16px,1.4vw,64px)] text-amber-300" role="status">
        {t(offline ?? "offline")}
      </p>
    );
  }
  return <ScreenView data={data} slideIndex={slideIndex} offline={offline} />;
}
