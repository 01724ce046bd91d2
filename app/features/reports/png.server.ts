import { withOfflinePage } from "./pdf.server";

/**
 * A PNG of a standalone SVG, drawn by the same shared Chromium as the PDFs (no second browser, and
 * PdfUnavailableError when there is none). The viewport is the SVG's own size, capped so a huge
 * board cannot ask for an image larger than the browser will draw.
 */
const MAX_SIDE = 8000;

export function renderSvgPng(svg: string, size: { width: number; height: number }): Promise<Buffer> {
  const width = Math.min(MAX_SIDE, Math.ceil(size.width));
  const height = Math.min(MAX_SIDE, Math.ceil(size.height));
  return withOfflinePage(async (page) => {
    await page.setViewportSize({ width, height });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`, { waitUntil: "load" });
    return page.screenshot({ type: "png", clip: { x: 0, y: 0, width, height } });
  });
}
