/**
 * Buttons of the admin forms beside the shared SubmitButton (components/forms/fields.tsx): a
 * primary one that is also disabled when there is nothing to save, a quiet one for secondary
 * steps, and a darker red one that confirms a step ending someone's sessions.
 */
export const buttonClass = {
  primary:
    "rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand/90 disabled:cursor-not-allowed disabled:opacity-50",
  secondary:
    "rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink hover:bg-page disabled:cursor-not-allowed disabled:opacity-60",
  danger:
    "rounded-md bg-red-800 px-3 py-2 text-sm font-medium text-white hover:bg-red-900 disabled:cursor-not-allowed disabled:opacity-60",
} as const;
