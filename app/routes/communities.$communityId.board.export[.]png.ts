import type { LoaderFunctionArgs } from "@remix-run/node";
import { boardSvg, svgSize } from "../features/exports/board-svg";
import { requireBoardExport } from "../features/exports/export-guards.server";
import { attachment, renderedOr503 } from "../features/exports/responses.server";
import { renderSvgPng } from "../features/reports/png.server";

/** The root-cause board as a PNG: the SVG, drawn by the reports' shared Chromium. */
export async function loader(args: LoaderFunctionArgs) {
  const { board, title, fileName } = await requireBoardExport(args);
  const svg = boardSvg(board, title);
  const png = await renderedOr503(
    () => renderSvgPng(svg, svgSize(svg)),
    (reason) => args.context.services.logger.warn("board png unavailable", { reason }),
    "Download the SVG instead.",
  );
  return png instanceof Response ? png : attachment(png, "image/png", fileName("png"));
}
