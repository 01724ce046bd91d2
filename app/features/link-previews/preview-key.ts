/**
 * The key a link preview is stored and looked up under: the address as the URL parser normalises
 * it (scheme and host in lower case, default port dropped), without its #fragment, which never
 * reaches the server. Null for anything that is not http(s). Isomorphic: the page looks previews
 * up by the same key the server stores them under.
 */
export function previewKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  return url.href;
}

/** A link preview as pages show it. `status: "failed"` carries the reason; the card then shows the plain link. */
export type LinkPreview = {
  url: string;
  status: "ok" | "failed";
  reason: string | null;
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
};
