import { getViewer } from '../account/account.api.ts';
import { getCohorts } from '../cohort/cohort.api.ts';
import { getOwnProfile } from '../expert/expert.api.ts';
import { getNationalOrganizations, getOtherOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getSessions } from '../session/session.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { getOwnVerification } from '../verification/verification.api.ts';

/*
 * Data for the settings pages, started with their code. A signed-out visitor's requests answer
 * null or empty (viewer fields), so starting them before the sign-in check costs nothing.
 */
const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined);

export function preloadSettings() {
  quietly(getViewer());
}

export function preloadProfileSettings() {
  quietly(getOwnProfile());
  quietly(getPlaces());
  quietly(getNationalOrganizations());
  quietly(getOtherOrganizations());
  quietly(getTopics());
}

export const preloadSecuritySettings = () => quietly(getSessions());

export function preloadVerificationSettings() {
  quietly(getOwnVerification());
  quietly(getCohorts());
}
