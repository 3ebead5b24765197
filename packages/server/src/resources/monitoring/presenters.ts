/** What leaves the server about her monitoring rounds: never a row as is. */
import type { TRound, TSelfRatingStatus } from '@cope/contracts';
import {
  CONSENT_FORM_LANGUAGES,
  type ConsentFormLanguage,
  type Ratings,
  SPHERES,
  type Sphere,
} from '@cope/domain';
import type { monitoringRound } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import { type People, peopleOf } from '../case-team/people.js';
import { openRatings, withholdReasons } from './content.js';

export type RoundRow = typeof monitoringRound.$inferSelect;
/** Names of the colleagues these rounds mention, looked up once. */
export const roundPeople = (tx: Tx, rows: RoundRow[]): Promise<People> =>
  peopleOf(
    tx,
    rows.map((row) => row.professionalByUserId),
  );

/** Both ratings opened, or null where not given (or when her key was erased). */
export interface OpenedRound {
  row: RoundRow;
  professional: Ratings | null;
  self: Ratings | null;
}

export function openRound(keyring: Keyring, dataKey: Buffer | null, row: RoundRow): OpenedRound {
  const open = (part: 'professional' | 'self', stored: string | null) =>
    dataKey && stored ? openRatings(keyring, dataKey, row.id, part, stored) : null;
  return {
    row,
    professional: open('professional', row.professionalEnc),
    self: open('self', row.selfEnc),
  };
}

const isLanguage = (value: string | null): value is ConsentFormLanguage =>
  (CONSENT_FORM_LANGUAGES as readonly (string | null)[]).includes(value);

export function presentRound(round: OpenedRound, withheld: Set<Sphere>, people: People): TRound {
  const { row } = round;
  return {
    id: row.id,
    heldOn: row.heldOn,
    scaleVersion: row.scaleVersion,
    status: row.status,
    revision: row.revision,
    professional: round.professional ? withholdReasons(round.professional, withheld) : null,
    professionalBy: row.professionalByUserId ? people(row.professionalByUserId) : null,
    self: round.self ? withholdReasons(round.self, withheld) : null,
    selfLanguage: isLanguage(row.selfLanguage) ? row.selfLanguage : null,
    selfDeclined: row.selfDeclined,
    selfRecordedAt: row.selfRecordedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    reasonsWithheld: SPHERES.filter((sphere) => withheld.has(sphere)),
  };
}

/** Where her own rating stands: dates and flags only, nothing rated (nothing is opened). */
export function presentSelfStatus(row: RoundRow): TSelfRatingStatus {
  return {
    roundId: row.id,
    open: row.status === 'draft',
    given: row.selfEnc !== null,
    declined: row.selfDeclined,
    recordedAt: row.selfRecordedAt?.toISOString() ?? null,
    language: isLanguage(row.selfLanguage) ? row.selfLanguage : null,
  };
}
