/**
 * The two attacks of issue 12 that the write rules' limits must refuse, run against a server with
 * real sessions (ours, ours-unguarded): a member's client writing 25 frames of 1.9 MB into their
 * own section (it made an inquiry 47.5 MB before the size limit), and one person opening 200
 * sockets (200 were accepted before the per-person cap). Raw sockets, no y-websocket client: an
 * attacker does not need one.
 */
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import type { MemoryDocSpec, Target } from "./protocol";
import { sleep } from "./servers/types";

export type AttackResult = {
  bloat: {
    framesSent: number;
    frameBytes: number;
    /** The close code and reason the attacker's socket got (null if it stayed open). */
    closed: { code: number; reason: string } | null;
    /** The document's encoded size, as a fresh reader downloads it, before and after. */
    documentBytesBefore: number;
    documentBytesAfter: number;
  };
  sockets: { tried: number; opened: number; refused: Record<string, number> };
};

const FRAMES = 25;
const FRAME_TEXT = 1_900_000;
const SOCKETS = 200;

const url = (target: Target, doc: string) => {
  const params = new URLSearchParams(target.params ?? {});
  const query = params.toString();
  return `${target.wsUrl}/${doc}${query ? `?${query}` : ""}`;
};

function open(target: Target, doc: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url(target, doc), { headers: { Cookie: cookie, Origin: target.origin ?? "" } });
    ws.binaryType = "nodebuffer";
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => {
      res.resume();
      reject(new Error(String(res.statusCode)));
    });
    ws.once("error", reject);
  });
}

/** A y-websocket sync frame (0) carrying sync step 1 (0) or an update (2). */
function syncFrame(step: 0 | 2, body: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, body);
  return encoding.toUint8Array(e);
}

/** The document's size as a new reader receives it: the bytes of the server's sync step 2. */
async function documentBytes(target: Target, doc: string, cookie: string): Promise<number> {
  const ws = await open(target, doc, cookie);
  try {
    const answer = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no sync step 2")), 30_000);
      ws.on("message", (data: Buffer) => {
        if (data[0] === 0 && data[1] === 1) {
          clearTimeout(timer);
          resolve(data.byteLength);
        }
      });
    });
    ws.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    return await answer;
  } finally {
    ws.close();
  }
}

export async function attackPhase(target: Target, victimDoc: MemoryDocSpec): Promise<AttackResult> {
  const { name: doc, cookie, field } = victimDoc;
  const documentBytesBefore = await documentBytes(target, doc, cookie);
  const ws = await open(target, doc, cookie);
  let closed: AttackResult["bloat"]["closed"] = null;
  ws.on("close", (code, reason) => (closed = { code, reason: reason.toString() }));
  const local = new Y.Doc();
  const updates: Uint8Array[] = [];
  local.on("update", (u: Uint8Array) => updates.push(u));
  let framesSent = 0;
  let frameBytes = 0;
  for (let i = 0; i < FRAMES && !closed; i++) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(String.fromCharCode(97 + (i % 26)).repeat(FRAME_TEXT))]);
    local.getXmlFragment(field).push([paragraph]);
    const frame = syncFrame(2, updates.shift()!);
    frameBytes = frame.byteLength;
    ws.send(frame);
    framesSent++;
    await sleep(200); // as fast as a modified client cares to, but let the server answer between frames
  }
  await sleep(1_000);
  ws.close();
  const documentBytesAfter = await documentBytes(target, doc, cookie);

  const sockets: WebSocket[] = [];
  const refused: Record<string, number> = {};
  for (let i = 0; i < SOCKETS; i++) {
    try {
      sockets.push(await open(target, doc, cookie));
    } catch (error) {
      const status = (error as Error).message;
      refused[status] = (refused[status] ?? 0) + 1;
    }
  }
  const opened = sockets.length;
  for (const s of sockets) s.close();
  await sleep(500);
  return {
    bloat: { framesSent, frameBytes, closed, documentBytesBefore, documentBytesAfter },
    sockets: { tried: SOCKETS, opened, refused },
  };
}
