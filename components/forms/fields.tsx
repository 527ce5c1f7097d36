import type { ComponentProps, ReactNode } from "react";

/** Form pieces shared by the sign-in, account, data-entry and admin forms, so they look alike. */
export const inputClass =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink placeholder:text-muted/70 focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-700/20 disabled:bg-page";

export function Field({
  label,
  htmlFor,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-muted">{hint}</p>}
    </div>
  );
}

/** A labelled input; its id defaults to its name. */
export function InputField({
  label,
  hint,
  id,
  ...input
}: { label: string; hint?: string; name: string } & Omit<ComponentProps<"input">, "className">) {
  const inputId = id ?? input.name;
  return (
    <Field label={label} htmlFor={inputId} hint={hint}>
      <input id={inputId} className={inputClass} {...input} />
    </Field>
  );
}

/** An outcome to read: errors are announced at once (alert), confirmations politely (status). */
export function Notice({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return tone === "error" ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {children}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {children}
    </p>
  );
}

export function SubmitButton({
  pending,
  className = "",
  children,
}: {
  pending: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand/90 disabled:opacity-60 ${className}`}
    >
      {children}
    </button>
  );
}
