import { getViewer } from '../account/account.api.ts';
import { getCohorts } from '../cohort/cohort.api.ts';
import { getOwnProfile } from '../expert/expert.api.ts';
import { getNationalOrganizations, getOtherOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getSessions } from '../session/session.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { getOwnVerification } from '../verification/verification.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

/*
 * Data for the settings pages, started with their code. A signed-out visitor's requests answer
 * null or empty (viewer fields), so starting them before the sign-in check costs nothing.
 */

export function preloadSettings() {
  prefetch(getViewer());
}

export function preloadProfileSettings() {
  prefetch(getOwnProfile());
  prefetch(getPlaces());
  prefetch(getNationalOrganizations());
  prefetch(getOtherOrganizations());
  prefetch(getTopics());
}

export const preloadSecuritySettings = () => prefetch(getSessions());

export function preloadVerificationSettings() {
  prefetch(getOwnVerification());
  prefetch(getCohorts());
}
