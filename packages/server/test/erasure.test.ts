/** Erasure by crypto-shredding through HTTP: who may, the fresh second factor, and what remains. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/chain.js';
import { SEALED } from '../src/resources/case-file/sealed-fields.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { seedHerFile } from './case-file-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';
import { createParticipants, simulateStepUp, writeHeaders } from './security-helpers.js';

const REASON = 'She asked for her data to be erased (request of 3 March).';

describe.each(DATABASE_KINDS)('participant erasure on %s', (kind) => {
  let t: TestApp;
  let a: TestOrganization;
  let b: TestOrganization;
  let coordinator: string;
  let victim: { id: string; caseCode: string };
  let bystander: { id: string; caseCode: string };
  let herFile: Awaited<ReturnType<typeof seedHerFile>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = await createOrganization(t.database, { roles: ['coordinator', 'administrator', 'social_worker'] });
    b = await createOrganization(t.database, { participants: ['Otra Persona'] });
    [victim, bystander] = (await createParticipants(t.database, a.id, [
      { preferredName: 'Nadia Erasable', legalName: 'Nadia Legal Erasable', birthDate: '1991-04-12' },
      { preferredName: 'Noor Staying', legalName: 'Noor Legal Staying' },
    ])) as [{ id: string; caseCode: string }, { id: string; caseCode: string }];
    coordinator = await signIn(t.app, a.staff.coordinator ?? raise());
    const worker = a.staff.social_worker?.id ?? raise();
    herFile = await seedHerFile(
      t.database,
      a.id,
      victim.id,
      { authorId: worker, fromId: a.staff.coordinator?.id ?? raise(), toId: worker },
      {
        phone: '+40 712 345 678',
        codeWord: 'lavanda',
        withdrawalNote: 'She withdrew it at the drop-in.',
        handoverNote: 'Handing over with her agreement.',
        scanText: 'scan of her signature',
      },
    );
    const [seeded] = await t.database.ownerQuery<{ records: number; scans: number; lookups: number }>(
      `select (select count(*)::int from case_record where participant_id = $1) as records,
              (select count(*)::int from attachment where participant_id = $1) as scans,
              (select count(*)::int from participant_lookup where participant_id = $1) as lookups`,
      [victim.id],
    );
    expect(seeded).toEqual({ records: 2, scans: 1, lookups: 1 });
  });
  afterAll(() => t?.close());

  const erase = (cookie: string, participantId: string, payload: unknown = { reason: REASON }) =>
    t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/erase`,
      headers: writeHeaders(cookie),
      payload: payload as Record<string, unknown>,
    });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: coordinator } });
  const keyRow = async (id: string) =>
    (
      await t.database.ownerQuery<{ wrapped_key: string | null; destroyed_at: Date | null }>(
        'select wrapped_key, destroyed_at from participant_key where participant_id = $1',
        [id],
      )
    )[0];

  it('asks for a fresh second factor, and changes nothing without it', async () => {
    // Signing in counts as a second factor; six minutes later it is no longer fresh.
    await simulateStepUp(t.database, coordinator, 6 * 60);
    const stale = await erase(coordinator, victim.id);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('STEP_UP_REQUIRED');
    expect((await keyRow(victim.id))?.wrapped_key).toBeTruthy();
    expect((await get(`/api/participants/${victim.id}`)).json().preferredName).toBe('Nadia Erasable');
  });

  it('refuses case workers (and records the refusal), even with a fresh second factor', async () => {
    const worker = await signIn(t.app, a.staff.social_worker ?? raise());
    await simulateStepUp(t.database, worker);
    const response = await erase(worker, victim.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event
        where organization_id = $1 and action = 'participant.erase' and outcome = 'denied'`,
      [a.id],
    );
    expect(denied?.n).toBe(1);
    expect((await keyRow(victim.id))?.wrapped_key).toBeTruthy();
  });

  it('wants a reason', async () => {
    await simulateStepUp(t.database, coordinator);
    const response = await erase(coordinator, victim.id, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('reason');
  });

  it('answers 404 for a participant of another organization', async () => {
    await simulateStepUp(t.database, coordinator);
    const response = await erase(coordinator, b.participants[0]?.id ?? raise());
    expect(response.statusCode).toBe(404);
    const [other] = await t.database.ownerQuery<{ wrapped_key: string | null }>(
      'select wrapped_key from participant_key where participant_id = $1',
      [b.participants[0]?.id],
    );
    expect(other?.wrapped_key).toBeTruthy();
  });

  it('destroys her data key: her name reads as null everywhere, the case and audit trail stay', async () => {
    const before = await get(`/api/participants/${victim.id}`);
    expect(before.statusCode).toBe(200);
    expect(before.json().erased).toBe(false);
    await simulateStepUp(t.database, coordinator);
    const response = await erase(coordinator, victim.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: victim.id, caseCode: victim.caseCode, status: 'active' });

    expect((await get(`/api/participants/${victim.id}`)).json()).toMatchObject({
      erased: true,
      preferredName: null,
    });
    const key = await keyRow(victim.id);
    expect(key?.wrapped_key).toBeNull();
    expect(key?.destroyed_at).not.toBeNull();
    const [row] = await t.database.ownerQuery<Record<string, unknown>>(
      'select case_code, status, preferred_name_enc, legal_name_enc, birth_date_enc, name_index from participant where id = $1',
      [victim.id],
    );
    expect(row).toMatchObject({
      case_code: victim.caseCode,
      status: 'active',
      preferred_name_enc: null,
      legal_name_enc: null,
      birth_date_enc: null,
      name_index: [],
    });

    const detail = (await get(`/api/participants/${victim.id}`)).json();
    expect(detail).toMatchObject({ caseCode: victim.caseCode, preferredName: null });
    const list = (await get('/api/participants?pageSize=100')).json();
    const names = new Map(
      list.items.map((p: { id: string; preferredName: string | null }) => [p.id, p.preferredName]),
    );
    expect(names.get(victim.id)).toBeNull();
    expect(names.get(bystander.id)).toBe('Noor Staying');
    expect((await get('/api/participants/search?name=Nadia%20Erasable')).json().items).toEqual([]);
    expect((await get('/api/participants/search?name=Noor%20Staying')).json().items).toHaveLength(1);

    const events = await t.database.ownerQuery<Record<string, unknown>>(
      `select id, organization_id as "organizationId", seq, occurred_at as "occurredAt", actor_user_id as "actorUserId",
              action, resource_type as "resourceType", resource_id as "resourceId", section, reason, outcome, flagged,
              prev_hash as "prevHash", hash
         from audit_event where organization_id = $1 order by seq`,
      [a.id],
    );
    const erasure = events.find((e) => e.action === 'participant.erase' && e.outcome === 'allowed');
    expect(erasure).toMatchObject({
      resourceId: victim.id,
      reason: REASON,
      actorUserId: a.staff.coordinator?.id,
    });
    // Reads of her case before the erasure are still on record, and the chain is unbroken.
    expect(events.some((e) => e.action === 'participant.read' && e.resourceId === victim.id)).toBe(true);
    const chain = events.map((e) => ({
      ...e,
      id: Number(e.id),
      seq: Number(e.seq),
      occurredAt: new Date(e.occurredAt as string),
    }));
    expect(verifyChain(chain as Parameters<typeof verifyChain>[0])).toBeNull();
  });

  it('deletes her section records, scans and look-ups; her handover and withdrawal notes no longer open', async () => {
    const count = async (table: string) =>
      (
        await t.database.ownerQuery<{ n: number }>(
          `select count(*)::int as n from ${table} where participant_id = $1`,
          [victim.id],
        )
      )[0]?.n;
    expect(await count('case_record')).toBe(0);
    expect(await count('attachment')).toBe(0);
    expect(await count('participant_lookup')).toBe(0);
    // The consent and handover stay (dates and codes), their notes sealed with a key that is gone.
    const [consent] = await t.database.ownerQuery<{ withdrawal_note_enc: string }>(
      'select withdrawal_note_enc from consent where id = $1',
      [herFile.consentId],
    );
    const [handover] = await t.database.ownerQuery<{ note_enc: string }>(
      'select note_enc from reference_handover where id = $1',
      [herFile.handoverId],
    );
    expect(consent?.withdrawal_note_enc).toMatch(/^v1\./);
    expect(handover?.note_enc).toMatch(/^v1\./);
    const key = await t.database.db.run({ organizationId: a.id, userId: null }, (tx) =>
      t.database.keyring.participantKey(tx, a.id, victim.id),
    );
    expect(key).toBeNull();
    // Nor does any other key: the ciphertext is bound to her key alone.
    const [otherKey] = await t.database.db.run({ organizationId: a.id, userId: null }, async (tx) => [
      await t.database.keyring.participantKey(tx, a.id, bystander.id),
    ]);
    expect(() =>
      t.database.keyring.openWithKey(
        otherKey ?? raise(),
        SEALED.handoverNote(herFile.handoverId),
        handover?.note_enc ?? '',
      ),
    ).toThrow();
    // Her export now says so, and holds no identity.
    await simulateStepUp(t.database, coordinator);
    const exported = await get(`/api/participants/${victim.id}/export.json`);
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toMatchObject({
      case: { erased: true },
      identity: { preferredName: null, legalName: null, birthDate: null },
      records: [],
      team: { handovers: [expect.objectContaining({ note: null })] },
    });
    expect(exported.json().consents[0].withdrawal.note).toBeNull();
  });

  it('says so when her data was already erased', async () => {
    await simulateStepUp(t.database, coordinator);
    const again = await erase(coordinator, victim.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('is allowed to an administrator without a case role', async () => {
    const admin = await signIn(t.app, a.staff.administrator ?? raise());
    await simulateStepUp(t.database, admin);
    const response = await erase(admin, bystander.id);
    expect(response.statusCode).toBe(200);
    expect((await keyRow(bystander.id))?.wrapped_key).toBeNull();
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
