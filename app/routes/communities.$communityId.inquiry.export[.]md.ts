import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInquiryExport } from "../features/exports/export-guards.server";
import { inquiryMarkdown } from "../features/exports/inquiry-markdown";
import { attachment } from "../features/exports/responses.server";

/** The inquiry as Markdown: the inquiry page's guard, every step's words. */
export async function loader(args: LoaderFunctionArgs) {
  const { data, fileName } = await requireInquiryExport(args);
  return attachment(inquiryMarkdown(data), "text/markdown; charset=utf-8", fileName("md"));
}
