/**
 * Raw participants for the board benchmark: demo accounts signed in through the real form (POST
 * /login, Origin as a browser sends it), then the standard y-websocket client on the board's
 * document, each with its own presence, editing text of its own notes at a steady pace.
 */
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { addNote, editNote } from "../../collab/documents/root-cause-board";
import { boardCategories, type BoardCategory } from "../../collab/documents/board-shape";
import { DEMO_PASSWORD } from "../lighthouse/app";

/** The session cookie of a demo account, from the sign-in form's answer. */
export async function signInCookie(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "" }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  const session = cookies.find((c) => c.startsWith("commons_session="));
  if (!session) throw new Error(`${email} could not sign in (HTTP ${response.status})`);
  return cookies.join("; ");
}

/** Who the cookie belongs to, and the board's document name, from the board page's own loader data. */
export async function boardPageData(baseUrl: string, boardPath: string, cookie: string) {
  const route = encodeURIComponent("routes/communities.$communityId.board");
  const response = await fetch(`${baseUrl}${boardPath}?_data=${route}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`the board page's data answered ${response.status}`);
  const data = (await response.json()) as { docName: string; me: { id: string; name: string } };
  return { docName: data.docName, me: data.me };
}

export type RawParticipant = { doc: Y.Doc; provider: WebsocketProvider; stop(): void };

/** One connected raw client; `synced` resolves once it holds the server's copy. */
export function connectRaw(baseUrl: string, docName: string, cookie: string, name: string) {
  const doc = new Y.Doc();
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: cookie, Origin: baseUrl } });
    }
  };
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws") + "/collab", docName, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalStateField("user", { name, color: "#64748b" });
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not sync in 30 s`)), 30_000);
    provider.once("sync", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { doc, provider, synced };
}

/** Adds `count` notes spread over the four categories, written by this participant, in batches. */
export function seedNotes(doc: Y.Doc, count: number, author: { id: string; name: string }, numberFrom = 0) {
  const sorted = boardCategories.filter((c) => c !== "unsorted") as BoardCategory[];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const category = sorted[i % sorted.length];
    ids.push(
      addNote(doc, {
        text: `Cause ${numberFrom + i + 1}: ${SAMPLE[(numberFrom + i) % SAMPLE.length]}`,
        authorId: author.id,
        authorName: author.name,
        category,
      }),
    );
  }
  return ids;
}

/**
 * Steady background activity of one present person: the cursor/presence moves every 2 s and one of
 * their notes' text changes every `editEveryMs` (as people refine wording during a session).
 */
export function keepBusy(
  participant: { doc: Y.Doc; provider: WebsocketProvider },
  noteIds: string[],
  editEveryMs: number,
) {
  let n = 0;
  const presence = setInterval(() => {
    participant.provider.awareness.setLocalStateField("cursor", { x: Math.random(), y: Math.random() });
  }, 2_000);
  const edits = setInterval(() => {
    if (noteIds.length === 0) return;
    const id = noteIds[n++ % noteIds.length];
    editNote(participant.doc, id, `${SAMPLE[n % SAMPLE.length]} (revised ${n})`);
  }, editEveryMs);
  return () => {
    clearInterval(presence);
    clearInterval(edits);
  };
}

const SAMPLE = [
  "Attendance letters go home in English only",
  "Staff unsure how to adapt phonics for late arrivals",
  "Low expectations voiced in pupil progress meetings",
  "Timetable puts interventions against PE and art",
  "Parents' evening slots all during the working day",
  "No shared language for talking about disadvantage",
  "Behaviour policy applied differently across year groups",
  "Reading books at home do not match phonics phase",
];
