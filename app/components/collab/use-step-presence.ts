import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { isPermanentClose } from "../../../collab/close-codes";
import { COLLAB_PATH_PREFIX, documentName } from "../../../collab/doc-names";
import type { CollabUser } from "./use-collab-document";

/** The pages of a community, as presence names them. */
export const communitySteps = ["home", "inquiry", "board", "questions", "plan", "playlist"] as const;
export type CommunityStep = (typeof communitySteps)[number];

/** Who else is on each step. */
export type StepPresence = Partial<Record<CommunityStep, CollabUser[]>>;

/**
 * The awareness field of the community's inquiry document that says where someone is. It is not
 * the `user` field: that one means "in this document" (the inquiry page's "Here now" and carets),
 * and presence-only connections from the other pages must not show up there.
 */
const STEP_FIELD = "step";
type StepState = { id: CommunityStep; user: CollabUser };

function socketBase() {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH_PREFIX.replace(/\/$/, "")}`;
}

/**
 * A presence-only connection to the community's inquiry document (for pages that do not edit it):
 * the standard provider with a throwaway document, no local copy, no same-browser channel, and it
 * stops retrying when the server refuses it for good. Null while `enabled` is false or on the server.
 */
export function usePresenceConnection(communityId: string, enabled: boolean): WebsocketProvider | null {
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const doc = new Y.Doc();
    const p = new WebsocketProvider(socketBase(), documentName("inquiry", communityId), doc, { disableBc: true });
    p.on("connection-close", (event) => {
      if (event && isPermanentClose(event.code)) p.disconnect();
    });
    setProvider(p);
    return () => {
      p.destroy();
      doc.destroy();
      setProvider(null);
    };
  }, [communityId, enabled]);
  return provider;
}

/** Everyone else's step, from the awareness states (a person in two tabs may be on two steps). */
export function othersByStep(states: Map<number, Record<string, unknown>>, myId: string): StepPresence {
  const out: StepPresence = {};
  states.forEach((state) => {
    const s = state[STEP_FIELD] as StepState | null | undefined;
    if (!s?.user?.id || s.user.id === myId || !communitySteps.includes(s.id)) return;
    const list = (out[s.id] ??= []);
    if (!list.some((u) => u.id === s.user.id)) list.push(s.user);
  });
  for (const list of Object.values(out)) list!.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

/**
 * Says which step this person is on, in the awareness of the given connection to the inquiry
 * document, and returns who else is on each step, live.
 */
export function useStepPresence(
  provider: WebsocketProvider | null,
  me: CollabUser | undefined,
  step: CommunityStep | undefined,
): StepPresence {
  const [presence, setPresence] = useState<StepPresence>({});
  const myId = me?.id;
  useEffect(() => {
    if (!provider || !me || !step) return;
    const awareness = provider.awareness;
    awareness.setLocalStateField(STEP_FIELD, { id: step, user: me } satisfies StepState);
    const publish = () =>
      setPresence(othersByStep(awareness.getStates() as Map<number, Record<string, unknown>>, me.id));
    awareness.on("change", publish);
    publish();
    return () => {
      awareness.off("change", publish);
      awareness.setLocalStateField(STEP_FIELD, null);
      setPresence({});
    };
    // The person's name and colour are fixed for the life of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider, myId, step]);
  return presence;
}

/** "Ada is here", "Ada and Ben are here", "Ada, Ben and Cy are here". */
export function hereText(names: readonly string[]): string {
  if (names.length === 0) return "";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${list} ${names.length === 1 ? "is" : "are"} here`;
}
