/** A small case world for the consent and sharing tests: one case, its team and outsiders. */
import type { TRecordConsentRequest } from '@cope/contracts';
import type { TestApp } from './app.js';
import { signIn } from './app.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';
import { createParticipants } from './security-helpers.js';

export interface ConsentWorld {
  org: TestOrganization;
  participantId: string;
  caseCode: string;
  reference: TestStaff;
  /** On her team, not her reference professional. */
  educatorOnTeam: TestStaff;
  /** Not on her team. */
  educatorElsewhere: TestStaff;
  lawyerElsewhere: TestStaff;
  cookies: Record<
    'coordinator' | 'reference' | 'educatorOnTeam' | 'educatorElsewhere' | 'lawyerElsewhere',
    string
  >;
}

export const HER_NAME = 'Ilinca Consimtita';

export async function consentWorld(t: TestApp): Promise<ConsentWorld> {
  const org = await createOrganization(t.database, { roles: ['coordinator', 'administrator'] });
  const reference = await addStaff(t.database, org.id, 'social_worker', 'reference-worker');
  const educatorOnTeam = await addStaff(t.database, org.id, 'social_educator', 'educator-on-team');
  const educatorElsewhere = await addStaff(t.database, org.id, 'social_educator', 'educator-elsewhere');
  const lawyerElsewhere = await addStaff(t.database, org.id, 'lawyer', 'lawyer-elsewhere');
  const [created] = await createParticipants(t.database, org.id, [
    { preferredName: HER_NAME, legalName: `${HER_NAME} Legal`, birthDate: '1994-02-03' },
  ]);
  if (!created) throw new Error('participant not created');
  await assignTeam(t.database, org.id, created.id, [
    { userId: reference.id, reference: true },
    { userId: educatorOnTeam.id },
  ]);
  const coordinator = org.staff.coordinator;
  if (!coordinator) throw new Error('no coordinator');
  return {
    org,
    participantId: created.id,
    caseCode: created.caseCode,
    reference,
    educatorOnTeam,
    educatorElsewhere,
    lawyerElsewhere,
    cookies: {
      coordinator: await signIn(t.app, coordinator),
      reference: await signIn(t.app, reference),
      educatorOnTeam: await signIn(t.app, educatorOnTeam),
      educatorElsewhere: await signIn(t.app, educatorElsewhere),
      lawyerElsewhere: await signIn(t.app, lawyerElsewhere),
    },
  };
}

export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function consentRequest(overrides: Partial<TRecordConsentRequest> = {}): TRecordConsentRequest {
  return {
    purpose: 'share_section',
    recipient: 'org:social_educator',
    dataCategories: ['legal'],
    method: 'signed',
    language: 'ro',
    givenOn: daysFromToday(-1),
    expiresOn: daysFromToday(180),
    ...overrides,
  };
}

export async function recordConsent(
  t: TestApp,
  world: ConsentWorld,
  overrides: Partial<TRecordConsentRequest> = {},
  cookie = world.cookies.reference,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/participants/${world.participantId}/consents`,
    headers: { cookie },
    payload: consentRequest(overrides),
  });
}

/** A multipart/form-data body holding one file, as a browser sends it. */
export function multipart(bytes: Buffer, options: { field?: string; filename?: string; type?: string } = {}) {
  const boundary = `----cope${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'scan.pdf'}"\r\nContent-Type: ${options.type ?? 'application/pdf'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
