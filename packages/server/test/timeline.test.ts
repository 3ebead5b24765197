/** Private notes, and the case timeline filtered by what each viewer may see. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record.js';
import { consent } from '../src/db/schema-case.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

type Item = { kind: string; event: string; section: string | null; excerpt: string | null; id: string };

describe.each(DATABASE_KINDS)('timeline and note visibility on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let participantId: string;
  let reference: TestStaff;
  let educator: TestStaff;
  let psychologist: TestStaff;
  let lawyer: TestStaff;
  let outsider: TestStaff;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['coordinator'], participants: ['Vera Cronica'] });
    participantId = org.participants[0]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'reference');
    educator = await addStaff(t.database, org.id, 'social_educator', 'educator');
    psychologist = await addStaff(t.database, org.id, 'psychologist', 'psychologist');
    lawyer = await addStaff(t.database, org.id, 'lawyer', 'lawyer');
    outsider = await addStaff(t.database, org.id, 'social_worker', 'outsider');
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: educator.id },
      { userId: psychologist.id },
      { userId: lawyer.id },
    ]);
    for (const [name, staff] of Object.entries({ reference, educator, psychologist, lawyer, outsider })) {
      cookie[name] = await signIn(t.app, staff);
    }
  });
  afterAll(() => t?.close());

  const addNote = (who: string, section: string, body: string, visibility?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/sections/${section}/notes`,
      headers: { cookie: cookie[who] ?? '' },
      payload: visibility ? { body, visibility } : { body },
    });
  const section = async (who: string, name: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/participants/${participantId}/sections/${name}`,
        headers: { cookie: cookie[who] ?? '' },
      })
    ).json();
  const timeline = (who: string, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}/timeline${query}`,
      headers: { cookie: cookie[who] ?? '' },
    });

  it('returns a private note to its author only', async () => {
    expect((await addNote('reference', 'plan', 'Shared plan: enrol in the A2 course.')).statusCode).toBe(201);
    expect(
      (await addNote('reference', 'plan', 'My own reminder: ask about her sister.', 'author')).statusCode,
    ).toBe(201);
    const mine = await section('reference', 'plan');
    expect(mine.notes.map((n: { visibility: string }) => n.visibility)).toEqual(['section', 'author']);
    const theirs = await section('educator', 'plan');
    expect(theirs.notes.map((n: { body: string }) => n.body)).toEqual([
      'Shared plan: enrol in the A2 course.',
    ]);
    expect(JSON.stringify(theirs)).not.toContain('sister');

    const bad = await addNote('reference', 'plan', 'A note.', 'everyone');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('visibility');
  });

  it('keeps counselling notes to clinicians: the team sees only whether she is in counselling', async () => {
    expect((await addNote('psychologist', 'mental_health', 'Session two: sleep is better.')).statusCode).toBe(
      201,
    );
    const social = await section('reference', 'mental_health');
    expect(social).toEqual({ section: 'mental_health', access: 'limited', inCounselling: true });
  });

  it('shows each viewer only the items of sections she may open, and says which are left out', async () => {
    // A change to the legal record, as the records service writes it.
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      await recordAudit(tx, {
        organizationId: org.id,
        actorUserId: lawyer.id,
        action: 'record.write',
        resourceType: 'participant',
        resourceId: participantId,
        section: 'legal',
      });
      await tx.insert(consent).values({
        id: randomUUID(),
        organizationId: org.id,
        participantId,
        purpose: 'record_keeping',
        dataCategories: ['identity', 'plan'],
        method: 'signed',
        language: 'es',
        explainedByUserId: reference.id,
        givenOn: '2026-03-01',
        recordedByUserId: reference.id,
      });
    });
    const forReference = (await timeline('reference')).json();
    const refItems = forReference.items as Item[];
    expect(refItems.filter((i) => i.kind === 'note').map((i) => i.excerpt)).toEqual([
      'My own reminder: ask about her sister.',
      'Shared plan: enrol in the A2 course.',
    ]);
    expect(refItems.some((i) => i.section === 'mental_health')).toBe(false);
    expect(forReference.hiddenSections).toContain('mental_health');
    expect(refItems.find((i) => i.event === 'record_changed')?.section).toBe('legal');
    expect(refItems.find((i) => i.kind === 'consent')).toMatchObject({
      event: 'consent_recorded',
      consent: { purpose: 'record_keeping', dataCategories: ['identity', 'plan'] },
      actor: { id: reference.id, roles: ['social_worker'] },
    });

    const forEducator = (await timeline('educator')).json();
    const eduItems = forEducator.items as Item[];
    expect(eduItems.filter((i) => i.kind === 'note').map((i) => i.excerpt)).toEqual([
      'Shared plan: enrol in the A2 course.',
    ]);
    expect(eduItems.some((i) => i.section === 'legal')).toBe(false);
    expect(forEducator.hiddenSections).toEqual(
      expect.arrayContaining(['legal', 'mental_health', 'identity']),
    );

    const forPsychologist = (await timeline('psychologist')).json().items as Item[];
    expect(forPsychologist.find((i) => i.section === 'mental_health')?.excerpt).toBe(
      'Session two: sleep is better.',
    );

    const forOutsider = (await timeline('outsider')).json();
    expect(forOutsider.items.filter((i: Item) => i.kind === 'note' || i.kind === 'consent')).toEqual([]);
    expect(forOutsider.consentsHidden).toBe(true);
  });

  it('shows team changes and handovers, filters by kind, and pages without gaps', async () => {
    const handover = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/team/handover`,
      headers: { cookie: cookie.reference ?? '' },
      payload: { toUserId: educator.id, note: 'Handing over while I am on leave until May.' },
    });
    expect(handover.statusCode).toBe(201);
    const team = (await timeline('educator', '?kinds=team')).json().items as Item[];
    expect(team.map((i) => i.event)).toEqual(['handover']);
    expect(team[0]).toMatchObject({ subject: { id: educator.id }, actor: { id: reference.id } });

    const all = (await timeline('reference')).json().items as Item[];
    const pages: Item[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const cursor: string = before ? `&before=${encodeURIComponent(before)}` : '';
      const page: { items: Item[]; nextBefore: string | null } = (
        await timeline('reference', `?limit=2${cursor}`)
      ).json();
      pages.push(...page.items);
      before = page.nextBefore;
      if (!before) break;
    }
    expect(pages.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(all.length).toBeGreaterThanOrEqual(4);

    const unknown = await timeline('reference', '?kinds=note,gossip');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('kinds');
  });

  it('records every timeline read in the audit trail', async () => {
    const reads = await t.database.ownerQuery<{ n: string }>(
      `select count(*) as n from audit_event where action = 'timeline.read' and resource_id = $1`,
      [participantId],
    );
    expect(Number(reads[0]?.n)).toBeGreaterThan(5);
  });
});
