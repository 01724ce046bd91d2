import { PassThrough, type Readable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { withoutZeroBytes } from "./entry.server";

/** Renders a paragraph whose "·" lands at a byte offset near the edge of the renderer's 2,048-byte views (short chunks fill them). */
async function render(padding: number, clean: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await new Promise<void>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(
      <div>
        {Array.from({ length: 250 }, (_, i) => (
          <b key={i}>a</b>
        ))}
        <p>{"a".repeat(padding)}</p>
        <p>1 open · 0 resolved, café</p>
      </div>,
      {
        onAllReady() {
          (clean ? (pipe(withoutZeroBytes()) as Readable) : pipe(new PassThrough())).pipe(out);
          out.on("end", resolve);
        },
        onShellError: reject,
      },
    );
  });
  return Buffer.concat(chunks);
}

describe("server rendering without stray zero bytes", () => {
  it("React 18 leaves a zero byte when a character straddles its view; the entry removes it", async () => {
    const paddings = Array.from({ length: 40 }, (_, i) => i);
    const raw = await Promise.all(paddings.map((p) => render(p, false)));
    // The renderer's bug is real here (otherwise this test protects nothing).
    expect(raw.some((b) => b.includes(0))).toBe(true);
    for (const p of paddings) {
      const html = (await render(p, true)).toString("utf8");
      expect(html).not.toContain("\u0000");
      expect(html).toContain("1 open · 0 resolved, café");
    }
  });
});
