/**
 * The refusal of an action she has not consented to. The message names the missing consent in
 * plain words; `details` names it in codes, so a client can say it in its own language.
 */
import type { ConsentNeed, ConsentPurpose, Section, StaffRole } from '@cope/domain';
import { AppError } from '../../http/errors.js';

const SECTION_NAMES: Record<Section, string> = {
  identity: 'Identity and contact',
  safety: 'Safety',
  trafficking_network: 'Trafficking network',
  legal: 'Legal status',
  mental_health: 'Mental health',
  physical_health: 'Physical health',
  plan: 'Plan',
  needs: 'Needs',
  monitoring: 'Monitoring',
  employment: 'Employment',
  education: 'Education',
  economic: 'Economic situation',
  family: 'Family',
};

const ROLE_PLURALS: Record<StaffRole, string> = {
  social_worker: 'social workers',
  psychologist: 'psychologists',
  psychiatrist: 'psychiatrists',
  social_educator: 'social educators',
  lawyer: 'lawyers',
  peer_worker: 'peer workers',
  outreach_worker: 'outreach workers',
  coordinator: 'coordinators',
  administrator: 'administrators',
};

/** "lawyers on her team", "social educators in the organization"; other recipients as written. */
export function describeRecipient(recipient: string | null): string {
  if (!recipient) return 'anyone';
  const [scope, role] = recipient.split(':') as [string, StaffRole | undefined];
  const plural = role ? ROLE_PLURALS[role] : undefined;
  if (plural && scope === 'team') return `${plural} on her team`;
  if (plural && scope === 'org') return `${plural} in the organization`;
  return recipient;
}

function listOf(sections: readonly Section[]): string {
  const names = sections.map((section) => SECTION_NAMES[section]);
  if (names.length <= 1) return names[0] ?? 'her information';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const WHAT: Record<ConsentPurpose, (need: Required<ConsentNeed>) => string> = {
  record_keeping: () => 'the organization keeping her records',
  share_section: (need) => `share ${listOf(need.dataCategories)} with ${describeRecipient(need.recipient)}`,
  referral: (need) =>
    `a referral to ${need.recipient ?? 'another organization'}` +
    (need.dataCategories.length > 0 ? ` with ${listOf(need.dataCategories)}` : ''),
  contact: () => 'being contacted through the channels she chose',
  group_activities: () => 'taking part in group activities',
  anonymous_statistics: () => 'counting her case in anonymous statistics',
};

export function missingConsentMessage(missing: Required<ConsentNeed>): string {
  return `She has not consented to ${WHAT[missing.purpose](missing)}. Ask her, and record her consent first.`;
}

/** CONSENT_REQUIRED, naming the consent that would allow the action. */
export function consentRequired(missing: Required<ConsentNeed>): AppError {
  return new AppError('CONSENT_REQUIRED', missingConsentMessage(missing), {
    purpose: missing.purpose,
    recipient: missing.recipient,
    dataCategories: [...missing.dataCategories],
  });
}
