import ogs from "open-graph-scraper";
import { safeHref } from "../../kernel/safe-url";
import type { FetchedPage } from "./safe-fetch.server";

/** What a page says about itself, read from HTML the guard already fetched. */
export type PreviewFields = {
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
};

const clip = (text: string | undefined, max: number) => {
  const clean = text?.replace(/\s+/g, " ").trim();
  return clean ? clean.slice(0, max) : null;
};

/**
 * Reads the Open Graph (and Twitter card, and plain <title>/description) fields with
 * open-graph-scraper, given the HTML only: the library makes no request of its own. A relative
 * image address is resolved against the page's address, and kept only when it is http(s).
 */
export async function readPreview(page: FetchedPage): Promise<PreviewFields> {
  const { result } = await ogs({ html: page.html });
  const rawImage = result.ogImage?.[0]?.url ?? result.twitterImage?.[0]?.url;
  let imageUrl: string | null = null;
  if (rawImage) {
    try {
      const absolute = new URL(rawImage, page.url);
      if (absolute.protocol === "http:" || absolute.protocol === "https:") imageUrl = safeHref(absolute.href);
    } catch {
      imageUrl = null;
    }
  }
  return {
    title: clip(result.ogTitle ?? result.twitterTitle, 300),
    description: clip(result.ogDescription ?? result.twitterDescription, 500),
    imageUrl,
    siteName: clip(result.ogSiteName, 100) ?? new URL(page.url).hostname.replace(/^www\./, ""),
  };
}
