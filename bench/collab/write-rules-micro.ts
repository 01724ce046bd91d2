/**
 * `tsx bench/collab/write-rules-micro.ts`: the write rules' own work in one process, without
 * sockets or a database (less sensitive to a busy machine than bench:collab): building the guard
 * for a loaded 10,000-edit inquiry (the extra work of a cold open: measuring the document's size)
 * and admitting one typed character (checked and applied) against applying it alone. Medians of
 * repeated runs, in ms.
 */
import * as Y from "yjs";
import { inquiryFields } from "../../collab/documents/inquiry";
import { documentGuards } from "../../collab/documents/guards";
import { initDocument } from "../../collab/documents/index";
import { WriteGuard } from "../../collab/write-guard";
import { Typist } from "./sections";
import { median } from "./stats";

const writers = Array.from({ length: 10 }, (_, i) => `writer-${i}`);
const real = new Y.Doc();
initDocument.inquiry(real);
for (const id of writers) {
  const typist = new Typist(real, inquiryFields.story(id));
  for (let k = 0; k < 1000; k++) typist.key();
}
const options = { maxDocumentBytes: 8 * 1024 * 1024 };
const build: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  new WriteGuard(real, documentGuards.inquiry, options);
  build.push(performance.now() - t);
}
const load: number[] = [];
const state = Y.encodeStateAsUpdate(real);
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  Y.applyUpdate(new Y.Doc(), state);
  load.push(performance.now() - t);
}

// One character at a time, as an editor types: admit (apply under the rules), against
// apply alone. Seven alternating rounds on fresh copies (the first ones warm the JIT up); medians.
const client = new Y.Doc();
Y.applyUpdate(client, state);
const updates: Uint8Array[] = [];
client.on("update", (u: Uint8Array) => updates.push(u));
const typist = new Typist(client, inquiryFields.story(writers[0]));
for (let k = 0; k < 2000; k++) typist.key();
const writer = { userId: writers[0], userName: "w", canWrite: true, isFacilitator: false };
const copy = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
const guardedRounds: number[] = [];
const plainRounds: number[] = [];
for (let round = 0; round < 7; round++) {
  const doc = copy();
  const guard = new WriteGuard(doc, documentGuards.inquiry, options);
  let t = performance.now();
  for (const u of updates) {
    if (guard.admit(u, writer, writer).kind !== "accept") throw new Error("the rules refused a typed character");
  }
  guardedRounds.push((performance.now() - t) / updates.length);
  const target = copy();
  t = performance.now();
  for (const u of updates) Y.applyUpdate(target, u);
  plainRounds.push((performance.now() - t) / updates.length);
}
const guarded = median(guardedRounds)!;
const plain = median(plainRounds)!;

const r = (v: number | null) => Math.round((v ?? 0) * 1000) / 1000;
process.stdout.write(
  JSON.stringify(
    {
      document: { edits: 10_000, stateBytes: state.byteLength },
      guardBuildMedianMs: r(median(build)),
      loadDocumentMedianMs: r(median(load)),
      perKeystrokeMs: { admitAndApply: r(guarded), applyOnly: r(plain), ratio: r(guarded / plain) },
    },
    null,
    2,
  ) + "\n",
);
