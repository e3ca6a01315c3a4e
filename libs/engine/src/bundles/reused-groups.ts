import { FacilitatorGroups } from './facilitator-groups';
import type { FacilitatorReach } from './facilitator-reach';
import type { PreparedRequest } from '../scoring/prepared';

/** What groupsFor last built, and for which request (its reach) and which providers. */
interface BuiltGroups {
  reach: FacilitatorReach;
  lifted: number;
  share: number;
  focus: number;
  targetGroups: number;
  floor: number;
  built: FacilitatorGroups;
}
let lastBuilt: BuiltGroups | null = null;

/**
 * The request's facilitators that could lift a provider to the bar, grouped. A facilitator
 * that could not lift even the best provider (`lifted` = its core plus a perfect modality fit,
 * the best budget share and focus, all their target groups) is dropped. A request pairs its
 * providers in a few rounds; a later round whose providers are no better and whose bar is no
 * lower reuses the groups built before (holding more facilitators than needed costs nothing
 * but time), so they are built about once per request.
 */
export function groupsFor(
  r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, lifted: number, share: number, focus: number, targetGroups: number, floor: number,
): FacilitatorGroups {
  const last = lastBuilt;
  if (last !== null && last.reach === reach) {
    if (lifted <= last.lifted && share <= last.share && focus <= last.focus && (targetGroups & ~last.targetGroups) === 0 && floor >= last.floor) return last.built;
    lifted = Math.max(lifted, last.lifted);
    share = Math.max(share, last.share);
    focus = Math.max(focus, last.focus);
    targetGroups |= last.targetGroups;
    floor = Math.min(floor, last.floor);
  }
  const built = new FacilitatorGroups(r, w, reach, { lifted, share, focus, targetGroups, floor });
  lastBuilt = { reach, lifted, share, focus, targetGroups, floor, built };
  return built;
}
