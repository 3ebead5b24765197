/** "What happened with her information" through HTTP: derived from the audit trail, for her team. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

type Entry = {
  kind: string;
  action: string;
  outcome: string;
  count: number;
  section: string | null;
  reason: string | null;
  flagged: boolean;
  actor: { name: string | null; roles: string[] } | null;
};

const REASON = 'She phoned in distress tonight and her psychologist cannot be reached.';

describe.each(DATABASE_KINDS)('transparency log on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let participantId: string;
  let reference: TestStaff;
  let psychologist: TestStaff;
  let outsider: TestStaff;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Sara Trasparente'],
    });
    participantId = org.participants[0]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    psychologist = await addStaff(t.database, org.id, 'psychologist', 'pia');
    outsider = await addStaff(t.database, org.id, 'social_worker', 'otto');
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: psychologist.id },
    ]);
    for (const [name, staff] of Object.entries({ reference, psychologist, outsider })) {
      cookie[name] = await signIn(t.app, staff);
    }
    cookie.coordinator = await signIn(t.app, org.staff.coordinator ?? reference);

    const get = (who: string, url: string) =>
      t.app.inject({ method: 'GET', url, headers: { cookie: cookie[who] ?? '' } });
    const base = `/api/participants/${participantId}`;
    for (let i = 0; i < 3; i++)
      expect((await get('reference', `${base}/sections/safety`)).statusCode).toBe(200);
    const note = await t.app.inject({
      method: 'POST',
      url: `${base}/sections/mental_health/notes`,
      headers: { cookie: cookie.psychologist ?? '' },
      payload: { body: 'First session.' },
    });
    expect(note.statusCode).toBe(201);
    expect((await get('coordinator', `${base}/sections/mental_health`)).statusCode).toBe(403);
    const glass = await t.app.inject({
      method: 'POST',
      url: `${base}/break-glass`,
      headers: { cookie: cookie.coordinator ?? '' },
      payload: { section: 'mental_health', reason: REASON },
    });
    expect(glass.statusCode).toBe(200);
    expect((await get('coordinator', `${base}/sections/mental_health`)).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  const log = (who: string, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}/transparency${query}`,
      headers: { cookie: cookie[who] ?? '' },
    });

  it('tells her team who viewed, changed and opened what, and why', async () => {
    const response = await log('reference', '?timeZone=Europe%2FMadrid');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.nextBefore).toBeNull();
    expect(body.days).toHaveLength(1);
    const entries = body.days[0].entries as Entry[];

    expect(entries.find((e) => e.action === 'section.read' && e.section === 'safety')).toMatchObject({
      kind: 'viewed',
      count: 3,
      actor: { name: 'rosa', roles: ['social_worker'] },
    });
    expect(entries.find((e) => e.action === 'section.write')).toMatchObject({
      kind: 'changed',
      section: 'mental_health',
      actor: { name: 'pia', roles: ['psychologist'] },
    });
    expect(entries.find((e) => e.kind === 'emergency')).toMatchObject({
      action: 'section.break_glass',
      section: 'mental_health',
      reason: REASON,
      flagged: true,
      actor: { roles: ['coordinator'] },
    });
    expect(entries.find((e) => e.kind === 'refused')).toMatchObject({
      action: 'section.read',
      outcome: 'denied',
      section: 'mental_health',
      actor: { roles: ['coordinator'] },
    });
    // Nothing in the log is case content: no note text, no name.
    expect(response.body).not.toContain('First session');
    expect(response.body).not.toContain('Sara');
  });

  it('is read by her team and coordinators only, and each reading is itself recorded', async () => {
    const refused = await log('outsider');
    expect(refused.statusCode).toBe(403);
    expect((await log('coordinator')).statusCode).toBe(200);
    const events = await t.database.ownerQuery<{ outcome: string; actor_user_id: string }>(
      `select outcome, actor_user_id from audit_event where action = 'transparency.read' and resource_id = $1 order by seq`,
      [participantId],
    );
    expect(events.map((e) => e.outcome)).toEqual(['allowed', 'denied', 'allowed']);
    expect(events[1]?.actor_user_id).toBe(outsider.id);

    const again = (await log('psychologist')).json();
    const reads = again.days[0].entries.filter(
      (e: Entry) => e.action === 'transparency.read' && e.outcome === 'allowed',
    );
    expect(reads.map((e: Entry) => e.actor?.name).sort()).toEqual(
      ['coordinator of ' + org.prefix, 'rosa'].sort(),
    );
  });

  it('refuses an unknown time zone, naming the field', async () => {
    const bad = await log('reference', '?timeZone=Mars%2FOlympus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('timeZone');
  });
});
