/**
 * Which addresses may become links. Text people write (editor links, playlist items, evidence) is
 * only ever linked when it is a web or mail address; `javascript:`, `data:`, `vbscript:` and friends
 * never reach an href. Isomorphic: the editor, the pages and the server use the same rule.
 */
const ALLOWED = new Set(["http:", "https:", "mailto:"]);

/** The normalised address when it is safe to link to, else null. Bare "example.org/x" is read as https. */
export function safeHref(raw: string | null | undefined): string | null {
  const text = (raw ?? "").trim();
  if (!text || text.length > 2048) return null;
  // Browsers ignore tabs/newlines inside schemes ("java\tscript:"), so refuse any control character.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname.includes(".") && url.hostname !== "localhost") return null;
  return url.href;
}

/** Whether an address may be linked as written. */
export function isSafeHref(raw: string | null | undefined): boolean {
  return safeHref(raw) !== null;
}
