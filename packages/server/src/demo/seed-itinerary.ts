/**
 * Her integration itinerary in the demo: needs, an agreed plan with its milestones and
 * commitments, and monitoring rounds. Each part draws on its own random sequence, so adding one
 * changes no other synthetic data.
 */
import type { Tx } from '../db/tenant.js';
import type { Keyring } from '../security/keyring.js';
import { seedCaseMonitoring } from './seed-monitoring.js';
import { seedCaseNeeds } from './seed-needs.js';
import { seedCasePlan } from './seed-plan.js';

export interface ItinerarySeedCase {
  organizationId: string;
  participantId: string;
  dataKey: Buffer;
  referenceUserId: string;
  teamUserIds: string[];
  openedAt: Date;
  closed: boolean;
}

export interface ItineraryRandoms {
  needs: () => number;
  plan: () => number;
  monitoring: () => number;
}

export async function seedCaseItinerary(
  tx: Tx,
  keyring: Keyring,
  input: ItinerarySeedCase,
  random: ItineraryRandoms,
  now: Date,
): Promise<void> {
  const { teamUserIds, closed, ...base } = input;
  await seedCaseNeeds(tx, keyring, base, random.needs, now);
  await seedCasePlan(tx, keyring, { ...base, teamUserIds }, random.plan, now);
  await seedCaseMonitoring(tx, keyring, { ...base, closed }, random.monitoring, now);
}
