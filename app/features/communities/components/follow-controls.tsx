import { Link, useLocation } from "@remix-run/react";
import { ArrowRight, CircleStop, Undo2, UserX, Users, X } from "lucide-react";
import { useState } from "react";
import { Button } from "../../../components/ui/button";
import type { CommunityStep } from "../../../components/collab/use-step-presence";
import { useFollow, type Follow } from "./follow-context";
import { broughtText, inquirySections, placeHref, placeLabel } from "./follow-places";

const OPT_OUT_ID = "follow-opt-out";

/**
 * Under the steps: a facilitator's "Bring everyone here" (on the inquiry page, to one of its
 * sections if they choose) and "Stop gathering"; for everyone else, the choice not to follow.
 */
export function FollowControls({ step }: { step?: CommunityStep }) {
  const follow = useFollow();
  if (!follow || !step) return null;
  if (follow.mayGather) return <GatherControls follow={follow} step={step} />;
  return (
    <label className="mt-2 inline-flex min-h-11 cursor-pointer items-center gap-2 text-sm text-slate-800">
      <input
        id={OPT_OUT_ID}
        type="checkbox"
        className="h-5 w-5 accent-brand-700"
        checked={follow.optedOut}
        onChange={(e) => follow.setOptedOut(e.currentTarget.checked)}
      />
      Don&apos;t follow the facilitator
    </label>
  );
}

function GatherControls({ follow, step }: { follow: Follow; step: CommunityStep }) {
  const [section, setSection] = useState("");
  const { current } = follow;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      {step === "inquiry" ? (
        <label className="inline-flex items-center gap-2">
          <span>Where on this page</span>
          <select
            value={section}
            onChange={(e) => setSection(e.currentTarget.value)}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-2"
          >
            <option value="">The top</option>
            {inquirySections.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {s.label.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase())}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Button type="button" onClick={() => follow.gatherAt({ step, section: section || null })}>
        <Users aria-hidden="true" className="mr-2 h-4 w-4" />
        Bring everyone here
      </Button>
      {current ? (
        <>
          <span className="text-slate-700" data-testid="gathering-status">
            Gathered at {placeLabel(current)} by {current.byName}.
          </span>
          {follow.mayStop ? (
            <Button type="button" variant="secondary" onClick={follow.stop}>
              <CircleStop aria-hidden="true" className="mr-2 h-4 w-4" />
              Stop gathering
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Under the page's title: why the person is here (and the way back), or where the others went. */
export function FollowNotice() {
  const follow = useFollow();
  const { pathname } = useLocation();
  const notice = follow?.notice;
  if (!follow || !notice) return null;
  if (notice.kind === "brought" && notice.path !== pathname) return null;
  const g = notice.gathering;
  return (
    <div
      className="mt-3 flex items-start gap-2 rounded-md border border-brand-600 bg-brand-50 p-3 text-sm text-brand-800"
      data-testid="follow-notice"
    >
      <div className="flex flex-1 flex-wrap items-center gap-x-3 gap-y-2">
        <p className="font-medium">
          {notice.kind === "brought"
            ? broughtText(g.byName, g)
            : `${g.byName} is bringing everyone to ${placeLabel(g)}. You stayed where you are.`}
        </p>
        {notice.kind === "brought" ? (
          <>
            <Button type="button" variant="secondary" onClick={follow.goBack}>
              <Undo2 aria-hidden="true" className="mr-2 h-4 w-4" />
              Go back to where I was
            </Button>
            <Button type="button" variant="secondary" onClick={() => stopFollowing(follow)}>
              <UserX aria-hidden="true" className="mr-2 h-4 w-4" />
              Stop following
            </Button>
          </>
        ) : (
          <Link
            to={placeHref(follow.communityId, g)}
            className="inline-flex min-h-11 items-center rounded-md px-2 font-semibold text-brand-800 underline"
          >
            Go there
            <ArrowRight aria-hidden="true" className="ml-1 h-4 w-4" />
          </Link>
        )}
      </div>
      <button
        type="button"
        onClick={follow.dismiss}
        aria-label="Dismiss this note"
        className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-md text-brand-800 hover:bg-brand-100"
      >
        <X aria-hidden="true" className="h-5 w-5" />
      </button>
    </div>
  );
}

/**
 * "Stop following" from the note: the same choice as the box under the steps (remembered). The
 * note goes, so focus moves to that box, which now shows the choice and is where to undo it.
 */
function stopFollowing(follow: Follow) {
  follow.setOptedOut(true);
  follow.dismiss();
  requestAnimationFrame(() => document.getElementById(OPT_OUT_ID)?.focus());
}
