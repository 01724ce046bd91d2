import type { AgendaItem } from "../../../db/schema/sessions";
import { defaultDateContext, formatInstant, type DateContext } from "../../kernel/dates";

/** A protocol a facilitator can put on a session's agenda: what it is for, and how long it usually takes. */
export type Protocol = { id: string; name: string; purpose: string; minutes: number };

/** The protocol templates, in the order an inquiry cycle usually meets them. */
export const protocols = [
  {
    id: "check-in",
    name: "Check-in",
    purpose: "Each person says how they arrive today, so everyone is present.",
    minutes: 10,
  },
  {
    id: "story-circle",
    name: "Story circle",
    purpose: "Each leader tells a recent equity challenge they could not address; others listen.",
    minutes: 40,
  },
  {
    id: "what-i-needed",
    name: "What I needed but did not have",
    purpose: "Reflect on the knowledge, support or resources that were missing.",
    minutes: 20,
  },
  {
    id: "peer-assumption-check",
    name: "Peer assumption check",
    purpose: "In pairs, question the assumptions in each other's stories.",
    minutes: 25,
  },
  {
    id: "root-cause-sort",
    name: "Root-cause sort",
    purpose: "Write possible causes on notes and sort them into systems, knowledge, skills and dispositions.",
    minutes: 35,
  },
  {
    id: "dot-voting",
    name: "Dot voting",
    purpose: "Place dots on the causes that matter most, to choose where to focus.",
    minutes: 10,
  },
  {
    id: "hmw-drafting",
    name: "\u201cHow might we\u201d drafting",
    purpose: "Turn the clusters of causes into questions the group could act on.",
    minutes: 30,
  },
  {
    id: "consultancy-protocol",
    name: "Consultancy protocol",
    purpose: "One leader presents a dilemma; peers ask probing questions and discuss while they listen.",
    minutes: 45,
  },
  {
    id: "learning-walk-debrief",
    name: "Learning walk debrief",
    purpose: "Share what was seen on a learning walk, as evidence rather than judgement.",
    minutes: 30,
  },
  {
    id: "reflection-and-commitments",
    name: "Reflection and commitments",
    purpose: "Each leader names one thing to try before the next session and who they will share it with.",
    minutes: 15,
  },
] as const satisfies readonly Protocol[];

export type ProtocolId = (typeof protocols)[number]["id"];
export const protocolIds = protocols.map((p) => p.id) as [ProtocolId, ...ProtocolId[]];

const byId = new Map<string, Protocol>(protocols.map((p) => [p.id, p]));

/** The template behind an agenda item; an unknown id (a template since retired) reads as "Other activity". */
export function protocolById(id: string): Protocol {
  return byId.get(id) ?? { id, name: "Other activity", purpose: "", minutes: 0 };
}

/** A new agenda item from a template, with its usual minutes. */
export function agendaItemFrom(id: ProtocolId): AgendaItem {
  return { template: id, minutes: protocolById(id).minutes, note: "" };
}

/** How many minutes the agenda takes in all. */
export function agendaMinutes(agenda: readonly Pick<AgendaItem, "minutes">[]): number {
  return agenda.reduce((sum, item) => sum + item.minutes, 0);
}

const minutesText = (n: number) => `${n} ${n === 1 ? "minute" : "minutes"}`;

/**
 * A plain-words hint when the agenda's minutes do not add up to the session's length ("The agenda
 * covers 75 of 90 minutes, leaving 15 minutes unplanned."); null when they match or there is no agenda yet.
 */
export function agendaLengthHint(agendaTotal: number, sessionMinutes: number): string | null {
  if (agendaTotal === 0 || !(sessionMinutes > 0) || agendaTotal === sessionMinutes) return null;
  if (agendaTotal < sessionMinutes)
    return `The agenda covers ${agendaTotal} of ${sessionMinutes} minutes, leaving ${minutesText(sessionMinutes - agendaTotal)} unplanned.`;
  return `The agenda takes ${agendaTotal} minutes, ${minutesText(agendaTotal - sessionMinutes)} more than the session's ${sessionMinutes}.`;
}

/** Each item with the minute it starts and ends at, counted from the start of the session. */
export function agendaTimings<T extends Pick<AgendaItem, "minutes">>(
  agenda: readonly T[],
): Array<T & { from: number; to: number }> {
  let at = 0;
  return agenda.map((item) => {
    const from = at;
    at += item.minutes;
    return { ...item, from, to: at };
  });
}

/** "14:05", the clock time `minutes` after a start, in the authority's zone and locale. */
export function clockAfter(start: Date | string, minutes: number, ctx: DateContext = defaultDateContext): string {
  return formatInstant(new Date(new Date(start).getTime() + minutes * 60_000), "time", ctx);
}
