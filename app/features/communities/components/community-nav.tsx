import { NavLink } from "@remix-run/react";
import type { WebsocketProvider } from "y-websocket";
import { Breadcrumbs, type Crumb } from "../../../components/ui/breadcrumbs";
import { initials } from "../../../kernel/presence";
import type { CollabUser } from "../../../components/collab/use-collab-document";
import {
  hereText,
  usePresenceConnection,
  useStepPresence,
  type CommunityStep,
  type StepPresence,
} from "../../../components/collab/use-step-presence";
import { FollowControls, FollowNotice } from "./follow-controls";

const steps: Array<{ to: string; step: CommunityStep; label: string; end?: boolean }> = [
  { to: "", step: "home", label: "Home", end: true },
  { to: "inquiry", step: "inquiry", label: "1–3. Stories, needs and peer check" },
  { to: "board", step: "board", label: "4. Root causes" },
  { to: "questions", step: "questions", label: "5. How might we…" },
  { to: "plan", step: "plan", label: "6. Link to my plan" },
  { to: "playlist", step: "playlist", label: "Playlist" },
];

/** The guided inquiry's steps, as links between a community's shared surfaces, with who is on each. */
export function CommunityNav({ communityId, presence = {} }: { communityId: string; presence?: StepPresence }) {
  return (
    <nav aria-label="Inquiry steps" className="mt-3">
      <ol className="flex flex-wrap gap-x-3 gap-y-2 text-sm">
        {steps.map((s) => (
          <li key={s.to} className="flex items-center gap-1" data-step={s.step}>
            <NavLink
              to={`/communities/${communityId}${s.to ? `/${s.to}` : ""}`}
              end={s.end}
              className={({ isActive }) =>
                `inline-flex min-h-11 items-center rounded-full px-3 py-1 ${isActive ? "bg-brand-700 text-white" : "bg-brand-50 text-brand-800 hover:bg-brand-100"}`
              }
            >
              {s.label}
            </NavLink>
            <StepAvatars people={presence[s.step] ?? []} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Small avatars of the people on a step; the text alternative names them all. */
function StepAvatars({ people }: { people: CollabUser[] }) {
  if (people.length === 0) return null;
  const shown = people.slice(0, 3);
  return (
    <span className="flex -space-x-1" data-testid="step-presence">
      <span className="sr-only">{hereText(people.map((p) => p.name))}</span>
      {shown.map((p) => (
        <span
          key={p.id}
          aria-hidden="true"
          title={p.name}
          className="flex h-6 w-6 items-center justify-center rounded-full border-2 border-white text-[10px] font-bold text-white"
          style={{ backgroundColor: p.color }}
        >
          {initials(p.name)}
        </span>
      ))}
      {people.length > shown.length ? (
        <span aria-hidden="true" className="flex h-6 items-center pl-2 text-xs text-slate-700">
          +{people.length - shown.length}
        </span>
      ) : null}
    </span>
  );
}

type HeaderProps = {
  community: { id: string; name: string; cohortName: string };
  title: string;
  /** Which step this page is, for presence ("who is on which step"); with `me`. */
  step?: CommunityStep;
  me?: CollabUser;
  /**
   * The page's own connection to the community's inquiry document (the inquiry page), or null
   * while it opens. Leave it undefined on other pages: the header then opens a presence-only one.
   */
  inquiryConnection?: WebsocketProvider | null;
};

/**
 * The top of every community page: the breadcrumb trail (with its cohort), the page's title, the
 * steps with presence, and the facilitator's "Bring everyone here" (or the choice not to follow).
 */
export function CommunityHeader({ community, title, step, me, inquiryConnection }: HeaderProps) {
  const own = usePresenceConnection(community.id, Boolean(me && step) && inquiryConnection === undefined);
  const presence = useStepPresence(inquiryConnection === undefined ? own : inquiryConnection, me, step);
  return (
    <>
      <Breadcrumbs items={communityCrumbs(community, title, step === "home")} />
      <h1 className="text-2xl font-bold">
        {community.name}: {title}
      </h1>
      <FollowNotice />
      <CommunityNav communityId={community.id} presence={presence} />
      <FollowControls step={step} />
    </>
  );
}

/** Dashboard › Communities › the cohort › the community › this page (the community itself on its home). */
function communityCrumbs(community: HeaderProps["community"], title: string, home: boolean): Crumb[] {
  const trail: Crumb[] = [
    { label: "Dashboard", to: "/dashboard" },
    { label: "Communities", to: "/communities" },
    { label: community.cohortName },
    { label: community.name, to: `/communities/${community.id}` },
  ];
  return home ? trail : [...trail, { label: title.charAt(0).toUpperCase() + title.slice(1) }];
}
