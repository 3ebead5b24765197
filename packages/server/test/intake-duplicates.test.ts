/**
 * Possible duplicates at intake and exact search by phone or document number: blind indexes
 * narrow, sealed values confirm, and nothing of a case is shown to someone who may not see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBlindIndex } from '../src/security/keyring.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { openCase, person, saveStep } from './intake-helpers.js';

const PHONE = '+34 611 222 333';

/** A phone number whose blind index falls in the same 12-bit bucket as PHONE. */
async function collidingPhone(t: TestApp, organizationId: string): Promise<string> {
  const key = await t.database.db.run({ organizationId, userId: null }, (tx) =>
    t.database.keyring.currentOrganizationKey(tx, organizationId, 'index'),
  );
  const wanted = computeBlindIndex(key.key, key.version, 'phone', PHONE);
  for (let i = 0; i < 200_000; i++) {
    const candidate = `+34 700 ${String(i).padStart(6, '0')}`;
    if (computeBlindIndex(key.key, key.version, 'phone', candidate) === wanted) return candidate;
  }
  throw new Error('no colliding phone found');
}

describe.each(DATABASE_KINDS)('duplicates and exact look-ups on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let first: string;
  let second: string;
  let coordinator: string;
  let peer: string;
  let a: { id: string; caseCode: string };
  let b: { id: string; caseCode: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['coordinator', 'social_worker', 'peer_worker'] });
    first = await signIn(t.app, org.staff.social_worker ?? raise());
    second = await signIn(t.app, await addStaff(t.database, org.id, 'social_worker', 'second-worker'));
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    peer = await signIn(t.app, org.staff.peer_worker ?? raise());
    a = await openCase(
      t,
      first,
      person({
        preferredName: 'Daria Example',
        legalName: 'Daria Example Sintetica',
        birthDate: '1990-01-02',
        documents: [{ kind: 'passport', number: 'X1234567' }],
      }),
    );
    const contact = await saveStep(t, first, a.id, 'contact', { phones: [PHONE] });
    expect(contact.json().duplicates).toEqual({ visible: [], restricted: false });
    await assignTeam(t.database, org.id, a.id, [{ userId: org.staff.peer_worker?.id ?? raise() }]);
  });
  afterAll(() => t?.close());

  it('tells a worker who may not see the other case only that a possible duplicate exists', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/participants',
      headers: { cookie: second },
      payload: person({ preferredName: 'daria   EXAMPLE', legalName: '', birthDate: '1990-01-02' }),
    });
    expect(response.statusCode).toBe(201);
    b = response.json();
    expect(response.json().duplicates).toEqual({ visible: [], restricted: true });
    expect(response.body).not.toContain(a.caseCode);
    expect(response.body).not.toContain(a.id);
    const events = await t.database.ownerQuery<{ reason: string }>(
      `select reason from audit_event where action = 'intake.duplicate_flagged' and resource_id = $1`,
      [b.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.reason).toMatch(/name_birth/);
    expect(events[0]?.reason).not.toMatch(/Daria|X1234567/);
    expect(events[0]?.reason).not.toContain(a.caseCode);
    // Her coordinators, who may see both cases, are told once, by case codes only.
    const notices = await t.database.ownerQuery<{ recipient: string; payload: Record<string, unknown> }>(
      `select recipient_user_id as recipient, payload from notification where kind = 'possible_duplicate'`,
    );
    expect(notices).toEqual([
      {
        recipient: org.staff.coordinator?.id,
        payload: expect.objectContaining({
          caseCode: b.caseCode,
          participantId: b.id,
          otherCaseCodes: [a.caseCode],
        }),
      },
    ]);
    expect(JSON.stringify(notices)).not.toMatch(/Daria/i);
  });

  it('names the other case to someone with full access to its identity', async () => {
    const created = await openCase(
      t,
      coordinator,
      person({ preferredName: 'Another Woman', documents: [{ kind: 'national_id', number: 'x-123 4567' }] }),
    );
    expect(created.duplicates.visible).toEqual([{ id: a.id, caseCode: a.caseCode, matchedOn: ['document'] }]);
    expect(created.duplicates.restricted).toBe(false);
  });

  it('flags the same phone after the contact step, whatever its spelling', async () => {
    const saved = await saveStep(t, second, b.id, 'contact', { phones: ['0034-611-222-333'] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().duplicates).toEqual({ visible: [], restricted: true });
    const [{ n } = { n: 0 }] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from notification where kind = 'possible_duplicate'`,
    );
    expect(n).toBe(1);
  });

  it('does not flag the same name with another birth date, nor a phone that only shares a bucket', async () => {
    const sameName = await openCase(
      t,
      first,
      person({ preferredName: 'Daria Example', birthDate: '1991-01-02' }),
    );
    expect(sameName.duplicates).toEqual({ visible: [], restricted: false });
    const collider = await collidingPhone(t, org.id);
    const saved = await saveStep(t, first, sameName.id, 'contact', { phones: [collider] });
    expect(saved.json().duplicates).toEqual({ visible: [], restricted: false });
    // The collider shares the bucket with PHONE but is not returned by an exact look-up of PHONE.
    const found = await lookup(coordinator, { phone: PHONE });
    expect(found.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
  });

  const lookup = async (cookie: string, query: Record<string, string>) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/participants/lookup?${new URLSearchParams(query)}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as { id: string; caseCode: string; preferredName: string | null }[];
  };

  it('finds a case by exact phone only for those who may see her identity in full', async () => {
    expect((await lookup(first, { phone: '0034611222333' })).map((p) => p.caseCode)).toEqual([a.caseCode]);
    expect((await lookup(second, { phone: '+34 (611) 222-333' })).map((p) => p.caseCode)).toEqual([
      b.caseCode,
    ]);
    // The peer worker on her team sees her alias, never which phone belongs to it.
    expect(await lookup(peer, { phone: PHONE })).toEqual([]);
    const other = await createOrganization(t.database);
    const outsider = await signIn(t.app, other.staff.coordinator ?? raise());
    expect(await lookup(outsider, { phone: PHONE })).toEqual([]);
  });

  it('finds a case by document number, ignoring spaces and dashes', async () => {
    const found = await lookup(first, { document: 'x 123-4567' });
    expect(found).toEqual([expect.objectContaining({ id: a.id, preferredName: 'Daria Example' })]);
    const events = await t.database.ownerQuery<{ reason: string | null }>(
      `select reason from audit_event where action = 'participant.list' and resource_type = 'participant_search'`,
    );
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('1234567');
  });

  it.each([
    [{}, 'phone'],
    [{ phone: PHONE, document: 'X1234567' }, 'document'],
    [{ phone: 'not a phone' }, 'phone'],
  ])('refuses a look-up that is not one phone or one document (%j)', async (query, field) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/participants/lookup?${new URLSearchParams(query)}`,
      headers: { cookie: coordinator },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe(field);
  });
});

function raise(): never {
  throw new Error('missing test staff');
}
