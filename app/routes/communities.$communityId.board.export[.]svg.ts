import type { LoaderFunctionArgs } from "@remix-run/node";
import { boardSvg } from "../features/exports/board-svg";
import { requireBoardExport } from "../features/exports/export-guards.server";
import { attachment } from "../features/exports/responses.server";

/** The root-cause board as an SVG image: the board page's guard. */
export async function loader(args: LoaderFunctionArgs) {
  const { board, title, fileName } = await requireBoardExport(args);
  return attachment(boardSvg(board, title), "image/svg+xml; charset=utf-8", fileName("svg"));
}
