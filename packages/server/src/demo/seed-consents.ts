/**
 * Synthetic consents for the demo cases: every case has her record-keeping consent; some also
 * have consents for contact, group activities, anonymous statistics or sharing her legal
 * section with the lawyers on her team, and now and then one she has withdrawn.
 */
import { randomUUID } from 'node:crypto';
import type { ConsentMethod, ConsentPurpose, Section } from '@cope/domain';
import { consent } from '../db/schema-case.js';
import type { Tx } from '../db/tenant.js';
import { withdrawalNoteRef } from '../resources/consents/refs.js';
import type { Keyring } from '../security/keyring.js';

const LANGUAGES = ['es', 'en', 'ro', 'fr', 'pt', 'it', 'ca'];
const METHODS: ConsentMethod[] = ['signed', 'witnessed_verbal', 'scanned_document'];

interface DemoConsent {
  purpose: ConsentPurpose;
  recipient: string | null;
  dataCategories: Section[];
  chance: number;
}

const OPTIONAL: DemoConsent[] = [
  { purpose: 'contact', recipient: null, dataCategories: ['identity'], chance: 0.6 },
  { purpose: 'group_activities', recipient: null, dataCategories: ['plan'], chance: 0.4 },
  {
    purpose: 'anonymous_statistics',
    recipient: null,
    dataCategories: ['plan', 'needs', 'monitoring'],
    chance: 0.5,
  },
  { purpose: 'share_section', recipient: 'team:lawyer', dataCategories: ['legal'], chance: 0.3 },
];

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const pickFrom = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export async function seedConsents(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  participantId: string,
  explainedByUserId: string,
  random: () => number,
): Promise<void> {
  const language = pickFrom(random, LANGUAGES);
  const base = {
    organizationId,
    participantId,
    language,
    explainedByUserId,
    recordedByUserId: explainedByUserId,
  };
  const givenAgo = 5 + Math.floor(random() * 355);
  await tx.insert(consent).values({
    ...base,
    id: randomUUID(),
    purpose: 'record_keeping',
    recipient: null,
    dataCategories: ['identity', 'safety', 'legal', 'plan', 'needs', 'monitoring', 'family'],
    method: pickFrom(random, METHODS),
    givenOn: isoDaysAgo(givenAgo),
    // Reviewed yearly; some fall due soon, which the register shows.
    expiresOn: isoDaysAgo(givenAgo - 365),
  });
  for (const extra of OPTIONAL) {
    if (random() >= extra.chance) continue;
    const id = randomUUID();
    const withdrawn = random() < 0.15;
    const dataKey = withdrawn ? await keyring.participantKey(tx, organizationId, participantId) : null;
    await tx.insert(consent).values({
      ...base,
      id,
      purpose: extra.purpose,
      recipient: extra.recipient,
      dataCategories: extra.dataCategories,
      method: pickFrom(random, METHODS),
      givenOn: isoDaysAgo(Math.max(1, givenAgo - Math.floor(random() * 5))),
      expiresOn: null,
      ...(withdrawn
        ? {
            withdrawnAt: new Date(Date.now() - Math.floor(random() * 30) * 86_400_000),
            withdrawalMethod: 'verbal',
            withdrawnByUserId: explainedByUserId,
            withdrawalNoteEnc: dataKey
              ? keyring.sealWithKey(dataKey, withdrawalNoteRef(id), 'She said she had changed her mind.')
              : null,
          }
        : {}),
    });
  }
}
