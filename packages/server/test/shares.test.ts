/**
 * Sharing a section with a role group, enforced by her consent: refused naming the missing
 * consent, granted access that lasts only while the consent does, and the coordinator's
 * emergency override with its reason and its task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseFacts, sectionLevel } from '../src/policy/case-access.js';
import type { Viewer } from '../src/resources/auth/sessions.js';
import { createTestApp, type TestApp } from './app.js';
import { type ConsentWorld, consentWorld, daysFromToday, recordConsent } from './consents-helpers.js';
import { DATABASE_KINDS } from './databases.js';

const EMERGENCY = 'Her exploiter was seen outside the shelter tonight; the lawyer must act now.';

describe.each(DATABASE_KINDS)('section sharing on %s', (kind) => {
  let t: TestApp;
  let w: ConsentWorld;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await consentWorld(t);
  });
  afterAll(() => t?.close());

  const share = (payload: Record<string, unknown>, cookie = w.cookies.reference) =>
    t.app.inject({
      method: 'POST',
      url: `/api/participants/${w.participantId}/shares`,
      headers: { cookie },
      payload,
    });
  const readSection = (section: string, cookie: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/sections/${section}`,
      headers: { cookie },
    });
  const audits = (action: string) =>
    t.database.ownerQuery<{
      outcome: string;
      section: string | null;
      reason: string | null;
      flagged: boolean;
    }>(
      'select outcome, section, reason, flagged from audit_event where action = $1 and resource_id = $2 order by seq',
      [action, w.participantId],
    );

  it('refuses to share without her consent and says which consent is missing', async () => {
    const response = await share({ section: 'legal', audience: 'org:lawyer' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: 'CONSENT_REQUIRED',
      message: expect.stringContaining(
        'She has not consented to share Legal status with lawyers in the organization',
      ),
      details: { purpose: 'share_section', recipient: 'org:lawyer', dataCategories: ['legal'] },
    });
    expect(await audits('section.share_refused')).toEqual([
      { outcome: 'denied', section: 'legal', reason: null, flagged: false },
    ]);
    expect((await readSection('legal', w.cookies.lawyerElsewhere)).statusCode).toBe(403);
  });

  it('does not count a consent for another section, another group, another purpose or a past date', async () => {
    await recordConsent(t, w, { recipient: 'org:lawyer', dataCategories: ['safety'] });
    await recordConsent(t, w, { recipient: 'team:lawyer', dataCategories: ['legal'] });
    await recordConsent(t, w, { purpose: 'referral', recipient: 'org:lawyer', dataCategories: ['legal'] });
    await recordConsent(t, w, {
      recipient: 'org:lawyer',
      dataCategories: ['legal'],
      givenOn: daysFromToday(-300),
      expiresOn: daysFromToday(-1),
    });
    const response = await share({ section: 'legal', audience: 'org:lawyer' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSENT_REQUIRED');
  });

  it('lets only her reference professional or a coordinator share', async () => {
    const refused = await share({ section: 'plan', audience: 'org:lawyer' }, w.cookies.educatorOnTeam);
    expect(refused.statusCode).toBe(403);
    const bad = await share({ section: 'plan', audience: 'org:administrator' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('audience');
  });

  let shareId: string;

  it('shares under her consent, and the group then opens the section', async () => {
    const consent = await recordConsent(t, w, {
      recipient: 'org:lawyer',
      dataCategories: ['legal', 'family'],
    });
    const response = await share({ section: 'legal', audience: 'org:lawyer' });
    expect(response.statusCode).toBe(201);
    shareId = response.json().id;
    expect(response.json()).toMatchObject({
      section: 'legal',
      audience: 'org:lawyer',
      consentId: consent.json().id,
      emergencyReason: null,
      effective: true,
    });
    expect(await audits('section.shared')).toEqual([
      { outcome: 'allowed', section: 'legal', reason: null, flagged: false },
    ]);
    expect((await readSection('legal', w.cookies.lawyerElsewhere)).statusCode).toBe(200);
    // Only the shared section, only for that group.
    expect((await readSection('family', w.cookies.lawyerElsewhere)).statusCode).toBe(403);
    expect((await readSection('legal', w.cookies.educatorElsewhere)).statusCode).toBe(403);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}`,
      headers: { cookie: w.cookies.lawyerElsewhere },
    });
    expect(detail.json().sections).toContainEqual({ section: 'legal', access: 'full' });
    expect((await share({ section: 'legal', audience: 'org:lawyer' })).statusCode).toBe(409);
  });

  it('stops access the day the consent lapses, with no job to run', async () => {
    const consentId = (
      await t.database.ownerQuery<{ consent_id: string }>(
        'select consent_id from section_share where id = $1',
        [shareId],
      )
    )[0]?.consent_id;
    await t.database.ownerQuery('update consent set expires_on = $2 where id = $1', [
      consentId,
      daysFromToday(0),
    ]);
    expect((await readSection('legal', w.cookies.lawyerElsewhere)).statusCode).toBe(200);
    await t.database.ownerQuery('update consent set expires_on = $2 where id = $1', [
      consentId,
      daysFromToday(-1),
    ]);
    expect((await readSection('legal', w.cookies.lawyerElsewhere)).statusCode).toBe(403);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/shares`,
      headers: { cookie: w.cookies.reference },
    });
    expect(listed.json().items.find((s: { id: string }) => s.id === shareId)).toMatchObject({
      endedAt: null,
      effective: false,
    });
    await t.database.ownerQuery('update consent set expires_on = $2 where id = $1', [
      consentId,
      daysFromToday(90),
    ]);
  });

  it('feeds the policy directly: the viewer matching the audience gets full access', async () => {
    const viewer = {
      userId: w.lawyerElsewhere.id,
      organizationId: w.org.id,
      roles: ['lawyer'],
      state: 'active',
      sectionMatrix: undefined,
    } as unknown as Viewer;
    const facts = await t.database.db.run(viewer, async (tx) =>
      (await loadCaseFacts(tx, viewer, [w.participantId])).get(w.participantId),
    );
    expect(facts?.shares).toEqual([{ section: 'legal', audience: 'org:lawyer' }]);
    const { DEFAULT_SECTION_MATRIX } = await import('@cope/domain');
    if (!facts) throw new Error('no facts');
    expect(sectionLevel(viewer, DEFAULT_SECTION_MATRIX, facts, 'legal')).toBe('full');
    expect(sectionLevel(viewer, DEFAULT_SECTION_MATRIX, facts, 'safety')).toBe('none');
    const educator = { ...viewer, userId: w.educatorElsewhere.id, roles: ['social_educator'] } as Viewer;
    expect(sectionLevel(educator, DEFAULT_SECTION_MATRIX, facts, 'legal')).toBe('none');
  });

  it('ends a share on request and closes the section at once', async () => {
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${w.participantId}/shares/${shareId}/end`,
      headers: { cookie: w.cookies.coordinator },
      payload: {},
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endedReason: 'ended_by_staff', effective: false });
    expect((await readSection('legal', w.cookies.lawyerElsewhere)).statusCode).toBe(403);
    expect((await audits('section.share_ended')).map((a) => a.section)).toEqual(['legal']);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${w.participantId}/shares/${shareId}/end`,
      headers: { cookie: w.cookies.coordinator },
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('allows the emergency override only to a coordinator, with a written reason', async () => {
    const worker = await share({
      section: 'physical_health',
      audience: 'org:lawyer',
      emergencyReason: EMERGENCY,
    });
    expect(worker.statusCode).toBe(403);
    expect((await audits('consent.emergency_override')).map((a) => a.outcome)).toEqual(['denied']);
    const short = await share(
      { section: 'physical_health', audience: 'org:lawyer', emergencyReason: 'urgent' },
      w.cookies.coordinator,
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('emergencyReason');
    expect((await readSection('physical_health', w.cookies.lawyerElsewhere)).statusCode).toBe(403);
  });

  it('opens the section in an emergency, flags it and asks her reference professional to tell her today', async () => {
    const response = await share(
      { section: 'physical_health', audience: 'org:lawyer', emergencyReason: EMERGENCY },
      w.cookies.coordinator,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ consentId: null, emergencyReason: EMERGENCY, effective: true });
    expect((await readSection('physical_health', w.cookies.lawyerElsewhere)).statusCode).toBe(200);
    const events = await audits('consent.emergency_override');
    expect(events.at(-1)).toEqual({
      outcome: 'allowed',
      section: 'physical_health',
      reason: EMERGENCY,
      flagged: true,
    });
    const tasks = await t.database.ownerQuery<{ assignee_user_id: string; due_on: string; payload: unknown }>(
      `select assignee_user_id, due_on::text as due_on, payload from task
       where kind = 'tell_her_emergency_share' and participant_id = $1`,
      [w.participantId],
    );
    expect(tasks).toEqual([
      {
        assignee_user_id: w.reference.id,
        due_on: daysFromToday(0),
        payload: { shareId: response.json().id, section: 'physical_health', audience: 'org:lawyer' },
      },
    ]);
  });

  it('uses her consent rather than an override when she has consented', async () => {
    const response = await share(
      { section: 'safety', audience: 'org:lawyer', emergencyReason: EMERGENCY },
      w.cookies.coordinator,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ emergencyReason: null, consentId: expect.any(String) });
    expect((await audits('section.shared')).at(-1)?.section).toBe('safety');
  });
});
