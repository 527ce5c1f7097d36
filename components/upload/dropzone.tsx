"use client";

import { useTranslations } from "next-intl";
import { type DragEvent, useRef, useState } from "react";

/**
 * A drop target with an ordinary file input inside it, so that keyboard and screen-reader users
 * choose the file the usual way. The extension filter only narrows the picker: what a file
 * really is, the server tells (it names a PDF as a PDF, whatever it is called).
 */
export function Dropzone({
  id,
  disabled,
  maxMegabytes,
  onFile,
}: {
  id: string;
  disabled: boolean;
  maxMegabytes: number;
  onFile: (file: File) => void;
}) {
  const t = useTranslations("upload.dropzone");
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
    // The same file chosen again (after correcting it) must fire a change event too.
    if (input.current) input.current.value = "";
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the accessible way
    <div
      data-testid="dropzone"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors focus-within:ring-2 focus-within:ring-sky-700/30 ${
        over ? "border-sky-700 bg-sky-50" : "border-line bg-page"
      } ${disabled ? "opacity-60" : ""}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto mb-2 size-8 text-muted" fill="none">
        <path
          d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <p className="text-sm text-ink">
        {t("prompt")}{" "}
        <label
          htmlFor={id}
          className={`font-medium text-sky-800 underline underline-offset-2 ${disabled ? "" : "cursor-pointer hover:text-sky-950"}`}
        >
          {t("choose")}
        </label>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled}
          onChange={(event) => take(event.currentTarget.files)}
          className="sr-only"
        />
      </p>
      <p className="mt-1 text-xs text-muted">{t("accept", { max: maxMegabytes })}</p>
    </div>
  );
}
