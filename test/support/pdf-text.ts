/**
 * The text of a PDF made by Chromium (Skia), for tests: enough of PDF to read it back without a
 * PDF library. Streams are inflated, each font's ToUnicode CMap maps its glyph codes to text, and
 * each page's content stream is read for its Tf / Tj / TJ operators. Text blocks end with a newline.
 */
import { inflateSync } from "node:zlib";

type PdfObject = { dict: string; stream: Buffer | null };

function parseObjects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<string, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = header.lastIndex;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end);
    const streamAt = body.search(/>>\s*stream\r?\n/);
    if (streamAt < 0) {
      objects.set(match[1], { dict: body, stream: null });
    } else {
      const dict = body.slice(0, streamAt + 2);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const dataStart = start + body.indexOf("\n", body.indexOf("stream", streamAt)) + 1;
      let data = pdf.subarray(dataStart, dataStart + length);
      if (dict.includes("/FlateDecode")) data = inflateSync(data);
      objects.set(match[1], { dict, stream: data });
    }
    header.lastIndex = end;
  }
  return objects;
}

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(src, 16), utf16(dst));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, list] of block[1].matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      const items = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]) : null;
      for (let code = from; code <= to; code++) {
        if (items) map.set(code, utf16(items[code - from] ?? ""));
        else map.set(code, String.fromCharCode(parseInt(dst!, 16) + (code - from)));
      }
    }
  }
  return map;
}

/** All the text of the PDF, page by page. */
export function pdfText(pdf: Buffer): string {
  const objects = parseObjects(pdf);
  const cmaps = new Map<string, Map<number, string>>();
  for (const [id, obj] of objects) {
    const ref = /\/Type \/Font[\s\S]*\/ToUnicode (\d+) 0 R/.exec(obj.dict)?.[1];
    const cmap = ref ? objects.get(ref)?.stream : null;
    if (cmap) cmaps.set(id, parseCmap(cmap.toString("latin1")));
  }
  const pages: string[] = [];
  for (const obj of objects.values()) {
    if (!/\/Type \/Page\b(?!s)/.test(obj.dict)) continue;
    const fonts = new Map(
      [...(/\/Font <<([^>]*)>>/.exec(obj.dict)?.[1] ?? "").matchAll(/\/(\S+) (\d+) 0 R/g)].map((m) => [m[1], m[2]]),
    );
    const contents = [...(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(obj.dict) ?? [])].slice(1).join(" ");
    let out = "";
    for (const [, ref] of contents.matchAll(/(\d+)(?: 0 R)?/g)) {
      const stream = objects.get(ref)?.stream?.toString("latin1") ?? "";
      let cmap: Map<number, string> | undefined;
      for (const op of stream.matchAll(/\/(\S+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\[([^\]]*)\] TJ|\bET\b/g)) {
        if (op[1]) cmap = cmaps.get(fonts.get(op[1]) ?? "");
        else if (op[0] === "ET") out += "\n";
        else {
          const hex = op[2] ?? [...(op[3] ?? "").matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]).join("");
          for (const code of hex.match(/.{4}/g) ?? []) out += cmap?.get(parseInt(code, 16)) ?? "";
        }
      }
    }
    pages.push(out);
  }
  return pages.join("\n");
}
