/** The model's error message, or a fallback, for showing in words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "That did not work. Please try again.";
}

/**
 * Focuses an element by id once React has drawn the change (notes can move between lists), or
 * `fallbackId` when that element is gone or now disabled.
 */
export function focusSoon(id: string, fallbackId?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    const target = el && !el.disabled ? el : fallbackId ? document.getElementById(fallbackId) : el;
    target?.focus();
  });
}

/** "1 dot", "3 dots". */
export const dots = (n: number) => `${n} ${n === 1 ? "dot" : "dots"}`;

/** The small buttons on a sticky note. */
export const small =
  "min-h-11 min-w-11 rounded border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
