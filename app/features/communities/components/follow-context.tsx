import { useLocation, useNavigate } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  currentGathering,
  gather,
  roomRules,
  stopGathering,
  watchGathering,
  type Gathering,
  type Place,
} from "../../../../collab/documents/community-room";
import { may } from "../../../../collab/documents/rules";
import { focusPlace } from "./follow-focus";
import { broughtText, placeAt, placeHref, placeLabel, reactionTo, samePlace } from "./follow-places";
import { useRoomConnection } from "./follow-room";

/** What the community layout knows about the person and the room (null: no access, e.g. a SIP). */
export type RoomAccess = {
  communityId: string;
  access: "read" | "write";
  isFacilitator: boolean;
  me: { id: string; name: string };
};

/** The note under the page's title: "you were brought here" (with the way back), or "you were not". */
export type FollowNotice =
  { kind: "brought"; gathering: Gathering; from: string; path: string } | { kind: "invited"; gathering: Gathering };

export type Follow = {
  communityId: string;
  mayGather: boolean;
  mayStop: boolean;
  current: Gathering | null;
  gatherAt(place: Place): void;
  stop(): void;
  optedOut: boolean;
  setOptedOut(optedOut: boolean): void;
  notice: FollowNotice | null;
  dismiss(): void;
  goBack(): void;
};

const FollowContext = createContext<Follow | null>(null);

/** The community's gathering state for the header, or null outside a community (or without access to its room). */
export const useFollow = () => useContext(FollowContext);

/** A late arrival is invited to a gathering this recent, not one left running since last month. */
const INVITE_FOR_MS = 2 * 60 * 60 * 1000;
const optOutKey = (userId: string) => `commons:dont-follow:${userId}`;

/**
 * Listens to the community's room on every community page (it lives in the community layout, so
 * it stays connected from step to step) and follows each new gathering: takes the person there,
 * moves focus to the place's heading and says so politely, unless they opted out or facilitate.
 * A gathering already running when they arrived never moves them.
 */
export function FollowProvider({ room, children }: { room: RoomAccess | null; children: ReactNode }) {
  const connection = useRoomConnection(room?.communityId ?? null);
  const navigate = useNavigate();
  const location = useLocation();
  const [current, setCurrent] = useState<Gathering | null>(null);
  const [notice, setNotice] = useState<FollowNotice | null>(null);
  const [optedOut, setOptedOutState] = useState(false);
  const [spoken, setSpoken] = useState("");
  const [focusTo, setFocusTo] = useState<{ place: Place; says: string } | null>(null);
  const latest = useRef({ location, optedOut, room });
  latest.current = { location, optedOut, room };

  const actor = room && { userId: room.me.id, canWrite: room.access === "write", isFacilitator: room.isFacilitator };
  const mayGather = Boolean(actor && may(actor, roomRules.gather));
  const mayStop = Boolean(actor && may(actor, roomRules.stopGathering));

  const say = useCallback((text: string) => {
    // Cleared first, so the same words said twice are read out twice.
    setSpoken("");
    setTimeout(() => setSpoken(text), 100);
  }, []);

  useEffect(() => {
    if (room) setOptedOutState(window.localStorage.getItem(optOutKey(room.me.id)) === "1");
  }, [room]);

  // A gathering: the one found on arrival is only an invitation; each later one is followed.
  useEffect(() => {
    if (!connection?.synced || !room) return;
    const { doc } = connection;
    const here = () => placeAt(room.communityId, latest.current.location);
    const arrival = currentGathering(doc);
    let seen = arrival?.id ?? null;
    setCurrent(arrival);
    const person = () => ({ id: room.me.id, mayGather, optedOut: latest.current.optedOut, here: here() });
    const fresh = arrival && Date.now() - arrival.at < INVITE_FOR_MS;
    if (fresh && ["move", "invite"].includes(reactionTo(arrival, person())))
      setNotice({ kind: "invited", gathering: arrival });
    return watchGathering(doc, (g) => {
      setCurrent(g);
      if (!g) return setNotice((n) => (n?.kind === "invited" ? null : n));
      if (g.id === seen) return;
      seen = g.id;
      const reaction = reactionTo(g, person());
      if (reaction === "ignore") return;
      if (reaction === "invite") {
        setNotice({ kind: "invited", gathering: g });
        return say(`${g.byName} is bringing everyone to ${placeLabel(g)}. You stayed where you are.`);
      }
      const { pathname, hash } = latest.current.location;
      const href = placeHref(room.communityId, g);
      setNotice({ kind: "brought", gathering: g, from: pathname + hash, path: href.split("#")[0] });
      if (reaction === "already-here") return say(broughtText(g.byName, g));
      setFocusTo({ place: g, says: broughtText(g.byName, g) });
      navigate(href);
    });
  }, [connection, room, mayGather, say, navigate]);

  // Once the page of a requested place shows, focus its heading, then say why.
  useEffect(() => {
    if (!focusTo || !room) return;
    const here = placeAt(room.communityId, location);
    if (!here || !samePlace(here, focusTo.place)) return;
    return focusPlace(focusTo.place, () => {
      setFocusTo(null);
      say(focusTo.says);
    });
  }, [focusTo, location, room, say]);

  // A note about being brought belongs to that page: it goes when the person moves on.
  useEffect(() => {
    setNotice((n) => (n?.kind === "brought" && n.path !== location.pathname ? null : n));
    if (!room) return;
    const here = placeAt(room.communityId, location);
    setNotice((n) => (n?.kind === "invited" && here && samePlace(here, n.gathering) ? null : n));
  }, [location, room]);

  const value = useMemo((): Follow | null => {
    if (!room || !connection) return null;
    return {
      communityId: room.communityId,
      mayGather,
      mayStop,
      current,
      gatherAt(place) {
        const g = gather(connection.doc, place, room.me);
        say(`You brought everyone to ${placeLabel(g)}.`);
      },
      stop() {
        stopGathering(connection.doc);
        say("The gathering has ended. Everyone can move around freely.");
      },
      optedOut,
      setOptedOut(next) {
        setOptedOutState(next);
        say(
          next
            ? "You will stay where you are when a facilitator brings everyone somewhere."
            : "You will follow the facilitator again.",
        );
        if (next) window.localStorage.setItem(optOutKey(room.me.id), "1");
        else window.localStorage.removeItem(optOutKey(room.me.id));
      },
      notice,
      dismiss: () => setNotice(null),
      goBack() {
        if (notice?.kind !== "brought") return;
        const back = new URL(notice.from, window.location.origin);
        const place = placeAt(room.communityId, back);
        setNotice(null);
        if (place) setFocusTo({ place, says: "You are back where you were." });
        navigate(notice.from);
      },
    };
  }, [room, connection, mayGather, mayStop, current, optedOut, notice, say, navigate]);

  return (
    <FollowContext.Provider value={value}>
      {children}
      <div role="status" className="sr-only" data-testid="follow-announcer">
        {spoken}
      </div>
    </FollowContext.Provider>
  );
}
