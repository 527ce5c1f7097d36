"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useState } from "react";
import { type RegionOption, regionsQuery } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import type { RegionRef } from "@/lib/types";
import { inputClass } from "./fields";

type Props = {
  /** The input's id: label it with <label htmlFor={id}> (Field does). */
  id: string;
  /** The chosen region's code, or null for none. */
  value: string | null;
  onChange: (code: string, region: RegionOption) => void;
  /** The region of `value` where the caller already knows it (saves a look-up and a blank moment). */
  known?: Pick<RegionRef, "code" | "nameZh" | "nameEn">;
  /** Also submit the code with a native form under this name. */
  name?: string;
  disabled?: boolean;
};

type Named = Pick<RegionRef, "code" | "nameZh" | "nameEn">;

/**
 * A searchable select of the autonomous region, leagues and banners (GET /api/regions?q=): type a
 * name, short name (察右前旗) or code, pick with mouse or arrow keys and Enter. It shows each
 * region's parent, since several banners share a name pattern, and hands back the code.
 */
export function RegionPicker({ id, value, onChange, known, name, disabled }: Props) {
  const t = useTranslations("regionPicker");
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Named | null>(known ?? null);

  // Typing settles for a moment before the server is asked.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  // A code from the URL or a default: look its name up once (the search matches codes too).
  const named = [chosen, known].find((r) => r && r.code === value) ?? null;
  const lookup = useQuery({ ...regionsQuery(value ?? ""), enabled: !!value && !named });
  const current = named ?? lookup.data?.regions.find((r) => r.code === value) ?? null;

  const results = useQuery({ ...regionsQuery(search), enabled: editing });
  const options = results.data?.regions ?? [];
  const listbox = `${id}-listbox`;
  const optionId = (code: string) => `${id}-option-${code}`;
  const label = (region: Named) => regionName(region, locale);

  function choose(region: RegionOption) {
    setChosen(region);
    setEditing(false);
    setText("");
    onChange(region.code, region);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!editing) return setEditing(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(options.length - 1, 0)));
    } else if (event.key === "Enter" && editing) {
      // Enter picks the highlighted region; it must not submit the surrounding form.
      event.preventDefault();
      if (options[active]) choose(options[active]);
    } else if (event.key === "Escape" && editing) {
      event.preventDefault();
      setEditing(false);
      setText("");
    }
  }

  const open = editing && !disabled;
  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listbox}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? optionId(options[active].code) : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        value={editing ? text : current ? label(current) : ""}
        placeholder={current ? label(current) : t("placeholder")}
        onFocus={() => {
          setEditing(true);
          setActive(0);
        }}
        onBlur={() => {
          setEditing(false);
          setText("");
        }}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setEditing(true);
        }}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      {name && <input type="hidden" name={name} value={value ?? ""} />}
      {open && (
        <div
          id={listbox}
          role="listbox"
          className="absolute z-20 mt-1 max-h-72 w-full min-w-64 overflow-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg"
        >
          {results.isError ? (
            <div className="px-3 py-2 text-red-800">{t("error")}</div>
          ) : !results.data ? (
            <div className="px-3 py-2 text-muted">{t("loading")}</div>
          ) : options.length === 0 ? (
            <div className="px-3 py-2 text-muted">{t("noMatch")}</div>
          ) : (
            options.map((region, i) => (
              <div
                key={region.code}
                id={optionId(region.code)}
                role="option"
                // Focus stays in the input; aria-activedescendant points at the highlighted option.
                tabIndex={-1}
                aria-selected={region.code === value}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(region);
                }}
                onMouseEnter={() => setActive(i)}
                className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 ${
                  i === active ? "bg-sky-50" : ""
                } ${region.code === value ? "font-medium" : ""}`}
              >
                <span className="text-ink">{label(region)}</span>
                <span className="shrink-0 text-xs text-muted">
                  {region.parentName && <span>{region.parentName} · </span>}
                  <span className="tabular-nums">{region.code}</span>
                </span>
              </div>
            ))
          )}
        </div>
      )}
    </div>
  );
}
