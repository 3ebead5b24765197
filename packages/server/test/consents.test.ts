/** The consent register through HTTP: validation, states, who may record, and withdrawal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/demo/names.js';
import { seedConsents } from '../src/demo/seed-consents.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import {
  type ConsentWorld,
  consentWorld,
  daysFromToday,
  HER_NAME,
  recordConsent,
} from './consents-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, createOrganization } from './factories.js';

describe.each(DATABASE_KINDS)('consent register on %s', (kind) => {
  let t: TestApp;
  let w: ConsentWorld;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await consentWorld(t);
  });
  afterAll(() => t?.close());

  const list = (cookie = w.cookies.reference) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents`,
      headers: { cookie },
    });
  const withdraw = (consentId: string, payload: Record<string, unknown>, cookie = w.cookies.reference) =>
    t.app.inject({
      method: 'POST',
      url: `/api/participants/${w.participantId}/consents/${consentId}/withdraw`,
      headers: { cookie },
      payload,
    });
  const fieldsOf = (response: { json(): { error: { details: { field: string }[] } } }) =>
    response.json().error.details.map((issue) => issue.field);

  it('refuses incomplete or impossible consents, naming the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ dataCategories: [] }, 'dataCategories'],
      [{ dataCategories: ['legal', 'weather'] }, 'dataCategories.1'],
      [{ recipient: null }, 'recipient'],
      [{ recipient: 'org:administrator' }, 'recipient'],
      [{ purpose: 'referral', recipient: '' }, 'recipient'],
      [{ purpose: 'record_keeping', recipient: 'team:lawyer' }, 'recipient'],
      [{ givenOn: daysFromToday(3) }, 'givenOn'],
      [{ givenOn: '2026-02-30' }, 'givenOn'],
      [{ expiresOn: daysFromToday(-2) }, 'expiresOn'],
      [{ language: 'xx' }, 'language'],
      [{ method: 'telepathy' }, 'method'],
    ];
    for (const [overrides, field] of cases) {
      const response = await recordConsent(t, w, overrides as never);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(fieldsOf(response), JSON.stringify(overrides)).toContain(field);
    }
  });

  it('refuses an explainer who is not a case worker of her organization', async () => {
    const other = await createOrganization(t.database, { roles: ['social_worker'] });
    const outsider = other.staff.social_worker?.id ?? '';
    const administrator = w.org.staff.administrator?.id ?? '';
    for (const explainedByUserId of [outsider, administrator]) {
      const response = await recordConsent(t, w, { explainedByUserId });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['explainedByUserId']);
    }
  });

  it('records a consent explained by a colleague and lists it with its state', async () => {
    const response = await recordConsent(t, w, {
      purpose: 'record_keeping',
      recipient: null,
      dataCategories: ['identity', 'plan'],
      method: 'witnessed_verbal',
      explainedByUserId: w.educatorOnTeam.id,
      expiresOn: daysFromToday(10),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      purpose: 'record_keeping',
      recipient: null,
      method: 'witnessed_verbal',
      language: 'ro',
      explainedBy: { id: w.educatorOnTeam.id, displayName: 'educator-on-team' },
      state: 'active',
      reviewDue: true,
      withdrawal: null,
      scan: null,
    });
    const expired = await recordConsent(t, w, {
      purpose: 'group_activities',
      recipient: null,
      givenOn: daysFromToday(-400),
      expiresOn: daysFromToday(-35),
    });
    expect(expired.json()).toMatchObject({ state: 'expired', reviewDue: false });
    const listed = await list();
    expect(listed.statusCode).toBe(200);
    const states = Object.fromEntries(
      listed.json().items.map((c: { purpose: string; state: string }) => [c.purpose, c.state]),
    );
    expect(states).toMatchObject({ record_keeping: 'active', group_activities: 'expired' });
    // The default explainer is the person recording it.
    const mine = await recordConsent(t, w, { purpose: 'anonymous_statistics', recipient: null });
    expect(mine.json().explainedBy.id).toBe(w.reference.id);
    const [audited] = await t.database.ownerQuery<{ n: string }>(
      `select count(*)::text as n from audit_event where action = 'consent.recorded' and resource_id = $1`,
      [w.participantId],
    );
    expect(audited?.n).toBe('3');
  });

  it('lets only her team and coordinators see or record her consents', async () => {
    expect((await list(w.cookies.educatorOnTeam)).statusCode).toBe(200);
    expect((await list(w.cookies.coordinator)).statusCode).toBe(200);
    expect((await list(w.cookies.lawyerElsewhere)).statusCode).toBe(403);
    const refused = await recordConsent(t, w, {}, w.cookies.educatorElsewhere);
    expect(refused.statusCode).toBe(403);
    const denials = await t.database.ownerQuery<{ action: string }>(
      `select action from audit_event where outcome = 'denied' and resource_id = $1 order by seq`,
      [w.participantId],
    );
    expect(denials.map((d) => d.action)).toEqual(['record.read', 'consent.recorded']);
    // Another organization's case does not exist for this viewer.
    const other = await createOrganization(t.database, { participants: ['Someone Else'] });
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${other.participants[0]?.id}/consents`,
      headers: { cookie: w.cookies.coordinator },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('withdraws at once from a verbal statement, ends what relied on it and asks the reference to review', async () => {
    const given = await recordConsent(t, w, { recipient: 'org:social_educator', dataCategories: ['legal'] });
    const consentId = given.json().id;
    const shared = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${w.participantId}/shares`,
      headers: { cookie: w.cookies.reference },
      payload: { section: 'legal', audience: 'org:social_educator' },
    });
    expect(shared.statusCode).toBe(201);
    const legal = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/participants/${w.participantId}/sections/legal`,
        headers: { cookie: w.cookies.educatorElsewhere },
      });
    expect((await legal()).statusCode).toBe(200);

    const note = 'She said on the phone she no longer wants this shared.';
    const response = await withdraw(consentId, { method: 'verbal', note }, w.cookies.educatorOnTeam);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.consent).toMatchObject({
      state: 'withdrawn',
      withdrawal: { method: 'verbal', note, by: { id: w.educatorOnTeam.id } },
    });
    expect(Date.now() - Date.parse(body.consent.withdrawal.at)).toBeLessThan(60_000);
    expect(body.endedShares).toEqual([
      expect.objectContaining({
        id: shared.json().id,
        endedReason: 'consent_withdrawn',
        effective: false,
      }),
    ]);
    expect((await legal()).statusCode).toBe(403);

    const tasks = await t.database.ownerQuery<{ assignee_user_id: string; payload: Record<string, unknown> }>(
      `select assignee_user_id, payload from task where kind = 'review_after_withdrawal' and participant_id = $1`,
      [w.participantId],
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.assignee_user_id).toBe(w.reference.id);
    expect(tasks[0]?.payload).toMatchObject({ consentId, endedShares: 1 });
    expect(JSON.stringify(tasks[0]?.payload)).not.toContain('Ilinca');

    // The note is sealed with her key: not in the database in clear.
    const [stored] = await t.database.ownerQuery<{ withdrawal_note_enc: string }>(
      'select withdrawal_note_enc from consent where id = $1',
      [consentId],
    );
    expect(stored?.withdrawal_note_enc).toMatch(/^v1\./);
    expect(stored?.withdrawal_note_enc).not.toContain('phone');
    const listed = (await list()).json().items.find((c: { id: string }) => c.id === consentId);
    expect(listed.withdrawal.note).toBe(note);

    expect((await withdraw(consentId, { method: 'written' })).statusCode).toBe(409);
    const bad = await withdraw(consentId, { method: 'by pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['method']);
  });

  it('lists colleagues who may have explained a consent, never administrators', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents/explainers`,
      headers: { cookie: w.cookies.reference },
    });
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((p: { displayName: string }) => p.displayName);
    expect(names).toContain('educator-elsewhere');
    expect(names).toContain('reference-worker');
    expect(names.some((n: string) => n.startsWith('administrator'))).toBe(false);
    const disabled = await addStaff(t.database, w.org.id, 'psychologist', 'gone-psychologist');
    await t.database.ownerQuery('update staff_user set disabled_at = now() where id = $1', [disabled.id]);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents/explainers`,
      headers: { cookie: w.cookies.reference },
    });
    expect(JSON.stringify(again.json())).not.toContain('gone-psychologist');
    expect(JSON.stringify(again.json())).not.toContain(HER_NAME);
  });

  it('seeds demo consents that the register reads back: always her record-keeping consent', async () => {
    const org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Demo One', 'Demo Two'],
    });
    const coordinator = org.staff.coordinator;
    if (!coordinator) throw new Error('no coordinator');
    const random = seededRandom(7);
    for (const p of org.participants) {
      await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
        seedConsents(tx, t.database.keyring, org.id, p.id, coordinator.id, random),
      );
    }
    const cookie = await signIn(t.app, coordinator);
    for (const p of org.participants) {
      const listed = await t.app.inject({
        method: 'GET',
        url: `/api/participants/${p.id}/consents`,
        headers: { cookie },
      });
      expect(listed.statusCode).toBe(200);
      const items = listed.json().items as { purpose: string; state: string }[];
      expect(items.filter((c) => c.purpose === 'record_keeping' && c.state === 'active')).toHaveLength(1);
    }
  });
});
