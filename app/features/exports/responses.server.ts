import { PdfUnavailableError } from "../reports/pdf.server";

/**
 * A file name people can read and sort: the community's or school's name, what it is and the day,
 * in ASCII letters, digits and dashes ("family-partnership-inquiry-2026-12-08.pdf").
 */
export function exportFileName(parts: string[], day: string, extension: string): string {
  const slug = [...parts, day]
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "export"}.${extension}`;
}

/**
 * An export as a download: an attachment with its file name, never cached (the words are the
 * community's or the school's, and the file is made for one reader's permissions).
 */
export function attachment(body: string | Uint8Array, type: string, filename: string): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(bytes, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Renders with Chromium, or answers 503 in words when the server has none (as the report PDF does). */
export async function renderedOr503(
  render: () => Promise<Buffer>,
  log: (reason: string) => void,
  instead: string,
): Promise<Buffer | Response> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    log(error.message);
    return new Response(`The file cannot be made right now because the server has no rendering engine. ${instead}`, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "300" },
    });
  }
}
