/**
 * The projector writes a document's projection after durable writes, at most `delayMs` later and
 * once for a burst; it writes what is due when the document unloads, and a failing write is
 * retried without touching the document.
 */
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../app/kernel/logger";
import type { ProjectionRow } from "../db/queries/document-projections";
import { addQuestion } from "./documents/hmw";
import { HostedDocument } from "./hosted-document";
import { createMetrics } from "./metrics";
import { DocumentProjector, type ProjectionSink } from "./projector";
import type { CollabStore } from "./store";

const name = "hmw.00000000-0000-4000-8000-000000000001";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const numberedStore = (): CollabStore => {
  let id = 0;
  return { load: async () => ({ logRows: 0 }), append: async () => ++id, compact: async () => 0 };
};
const recordingSink = (failures = 0): ProjectionSink & { saved: ProjectionRow[]; dropped: string[] } => {
  const saved: ProjectionRow[] = [];
  const dropped: string[] = [];
  return {
    saved,
    dropped,
    async save(row) {
      if (failures-- > 0) throw new Error("database down");
      saved.push(row);
    },
    async drop(docName) {
      dropped.push(docName);
    },
  };
};

let hosted: HostedDocument | null = null;
afterEach(async () => {
  await hosted?.destroy();
  hosted = null;
});

async function open(sink: ProjectionSink, delayMs: number) {
  const projector = new DocumentProjector(sink, delayMs, silentLogger);
  hosted = new HostedDocument(
    name,
    numberedStore(),
    {
      flushDelayMs: 1,
      compactAfterRows: 1000,
      maxRetries: 0,
      savedIntervalMs: 10,
      maxDocumentBytes: 8_000_000,
      checkWrites: true,
    },
    silentLogger,
    createMetrics(),
  );
  await hosted.load();
  hosted.onStored = () => projector.schedule(hosted!);
  return { projector, doc: hosted };
}

const ask = (doc: HostedDocument, text: string) => addQuestion(doc.doc, { text, authorId: "ada", authorName: "Ada" });

describe("DocumentProjector", () => {
  it("writes one projection for a burst of saves, within the delay, with the newest fields and log row", async () => {
    const sink = recordingSink();
    const { doc } = await open(sink, 150);
    ask(doc, "How might we reach every family?");
    await doc.flush();
    ask(doc, "How might we share the calendar?");
    await doc.flush();
    expect(sink.saved).toHaveLength(0);
    await sleep(250);
    expect(sink.saved).toEqual([
      {
        docName: name,
        kind: "hmw",
        version: 2,
        fields: expect.objectContaining({ questions: 2, chosen: null }),
        throughUpdateId: 2,
      },
    ]);
  });

  it("writes what is due at once when the document unloads, and nothing for a discarded one but a drop", async () => {
    const sink = recordingSink();
    const { projector, doc } = await open(sink, 60_000);
    ask(doc, "How might we reach every family?");
    await doc.flush();
    await projector.flush(doc);
    expect(sink.saved.map((r) => r.fields)).toEqual([expect.objectContaining({ questions: 1, chosen: null })]);
    ask(doc, "How might we share the calendar?");
    await doc.flush();
    await projector.discard(doc);
    expect(sink.saved).toHaveLength(1);
    expect(sink.dropped).toEqual([name]);
  });

  it("retries a failed write after the delay; the document keeps working", async () => {
    const sink = recordingSink(1);
    const { doc } = await open(sink, 40);
    ask(doc, "How might we reach every family?");
    await doc.flush();
    await sleep(200);
    expect(sink.saved.map((r) => r.fields)).toEqual([expect.objectContaining({ questions: 1, chosen: null })]);
    expect(doc.hasUnsaved).toBe(false);
  });
});
