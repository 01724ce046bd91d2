/**
 * PDFs rendered by a real engine: headless Chromium driven by playwright-core. One browser is
 * launched on the first request and shared; it closes itself after a minute without work (and with
 * the process), so nothing needs wiring into shutdown. If Chromium (or playwright-core, a
 * development dependency) is missing, `renderPdf` throws PdfUnavailableError and the route answers 503.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

/** The same place the test suite looks (test/support/services.ts): CHROMIUM_PATH when set, else the Debian package's path. */
export function chromiumExecutable(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? null;
}

export class PdfUnavailableError extends Error {}

const IDLE_MS = 60_000;
const RENDER_TIMEOUT_MS = 20_000;
let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;

async function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  if (!executablePath) throw new PdfUnavailableError("Chromium is not installed on this server.");
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new PdfUnavailableError("playwright-core is not installed on this server.");
  }
  const launched = await chromium
    .launch({
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    })
    .catch((error: unknown) => {
      throw new PdfUnavailableError(
        `Chromium could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  launched.on("disconnected", () => {
    browser = null;
  });
  return launched;
}

function getBrowser(): Promise<Browser> {
  browser ??= launch().catch((error: unknown) => {
    browser = null;
    throw error;
  });
  return browser;
}

function closeWhenIdle() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_MS);
  idleTimer.unref();
}

/** Closes the shared browser (idle timeout, shutdown, tests). */
export async function closePdfBrowser() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close().catch(() => {});
}

/**
 * Renders a complete, self-contained HTML document (inline styles, no scripts, nothing fetched) to
 * an A4 PDF. JavaScript is off and every network request is refused, so the page can only show
 * what it was given.
 */
export async function renderPdf(html: string, options: { title: string }): Promise<Buffer> {
  const instance = await getBrowser();
  const context = await instance.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#475569">${escapeHtml(options.title)} · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    });
  } finally {
    await context.close().catch(() => {});
    closeWhenIdle();
  }
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
