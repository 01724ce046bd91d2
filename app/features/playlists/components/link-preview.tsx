import type { LinkPreview } from "../../link-previews/preview-key";

/** The address when it is http(s), else null: checked again when drawn (links and images), whatever was stored. */
export function webAddress(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The preview image's address when the page may draw it: https, or plain http only from a host on
 * the server's allow-list (`host` or `host:port`: a test's fixture site, an intranet). Elsewhere a
 * plain-http image would be mixed content, and the Content-Security-Policy (img-src https:) blocks it.
 */
export function previewImage(raw: string | null, httpHosts: readonly string[]): string | null {
  const href = webAddress(raw);
  if (!href) return null;
  const url = new URL(href);
  if (url.protocol === "https:") return href;
  return httpHosts.includes(url.host) || httpHosts.includes(url.hostname) ? href : null;
}

/**
 * What the linked page says about itself (fetched and cached by the server). The image is
 * decorative (the title is beside it), loaded only when scrolled near, and asked for without a
 * Referer, so the other site never learns which playlist it is shown in. Nothing is drawn for a
 * failed or missing preview: the card's plain link stands alone.
 */
export function LinkPreviewBox({
  preview,
  httpHosts,
}: {
  preview: LinkPreview | undefined;
  httpHosts: readonly string[];
}) {
  if (!preview || preview.status !== "ok" || (!preview.title && !preview.description)) return null;
  const image = previewImage(preview.imageUrl, httpHosts);
  return (
    <div
      className="mt-3 flex flex-col gap-3 overflow-hidden rounded-md border border-slate-200 bg-slate-50 sm:flex-row"
      data-testid="link-preview"
    >
      {image ? (
        <img
          src={image}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          decoding="async"
          width={240}
          height={126}
          className="aspect-[1.91/1] w-full shrink-0 bg-slate-200 object-cover sm:w-60"
        />
      ) : null}
      <div className="min-w-0 px-3 pb-3 sm:py-3 sm:pl-0">
        {preview.title ? <p className="font-medium text-slate-900">{preview.title}</p> : null}
        {preview.description ? <p className="mt-1 line-clamp-3 text-sm text-slate-700">{preview.description}</p> : null}
        {preview.siteName ? <p className="mt-1 text-xs text-slate-600">{preview.siteName}</p> : null}
      </div>
    </div>
  );
}
