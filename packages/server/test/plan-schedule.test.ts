/**
 * Around her plan: her fixed commitments and where they collide, her small victories, and her
 * plan printed in her language without her name or case code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPlan, planDiff } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/demo/names.js';
import { seedCasePlan } from '../src/demo/seed-plan.js';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { DATABASE_KINDS } from './databases.js';
import { pdfText } from './pdf-text.js';
import { auditCount, goal, type PlanWorld, planClient, planWorld, SIGNATURE, step } from './plan-helpers.js';

/** The first Monday after today (UTC), as the weekly course's first day. */
function nextMonday(): string {
  const now = new Date();
  const days = ((8 - now.getUTCDay()) % 7) + 7;
  return isoDateIn(days, now);
}
const plusDays = (iso: string, days: number) => isoDateIn(days, new Date(`${iso}T12:00:00Z`));

/** A PDF's properties (its info dictionary) as poppler's pdfinfo shows them. */
function pdfInfo(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

describe.each(DATABASE_KINDS)('her schedule, milestones and printed plan on %s', (kind) => {
  let w: PlanWorld;
  let api: ReturnType<typeof planClient>;

  beforeAll(async () => {
    w = await planWorld(kind, ['Nadia Ficticia', 'Demo Uno', 'Demo Dos', 'Demo Tres', 'Demo Cuatro']);
    api = planClient(w);
  });
  afterAll(() => w?.t.close());

  it('finds the court hearing that falls during her weekly course, and forgets it once removed', async () => {
    const monday = nextMonday();
    const course = await api.post('reference', '/commitments', {
      kind: 'course',
      title: 'Spanish course A2',
      date: monday,
      startTime: '09:00',
      endTime: '13:00',
      repeatsWeeklyUntil: plusDays(monday, 56),
    });
    expect(course.statusCode).toBe(201);
    const hearingOn = plusDays(monday, 14);
    const hearing = await api.post('peer', '/commitments', {
      kind: 'court_hearing',
      title: 'Hearing at the provincial court',
      date: hearingOn,
      startTime: '11:00',
      endTime: '12:30',
    });
    expect(hearing.statusCode).toBe(201);
    expect(hearing.json()).toMatchObject({ kind: 'court_hearing', repeatsWeeklyUntil: null });
    // A doctor's appointment after the course ends touches it but does not collide.
    await api.post('peer', '/commitments', {
      kind: 'health_appointment',
      title: 'Doctor',
      date: monday,
      startTime: '13:00',
      endTime: '14:00',
    });

    const { schedule } = (await api.get('reference', '/plan')).json();
    expect(schedule.commitments.map((c: { title: string }) => c.title)).toEqual([
      'Spanish course A2',
      'Doctor',
      'Hearing at the provincial court',
    ]);
    expect(schedule.conflicts).toEqual([
      {
        date: hearingOn,
        firstId: course.json().id,
        secondId: hearing.json().id,
        startTime: '11:00',
        endTime: '12:30',
      },
    ]);
    const rows = await w.t.database.ownerQuery(`select * from commitment where participant_id = $1`, [
      w.participantId,
    ]);
    expect(JSON.stringify(rows)).not.toContain('provincial court');

    expect((await api.del('peer', `/commitments/${hearing.json().id}`)).statusCode).toBe(204);
    expect((await api.del('peer', `/commitments/${hearing.json().id}`)).statusCode).toBe(404);
    expect((await api.get('reference', '/plan')).json().schedule.conflicts).toEqual([]);
    expect(await auditCount(w, 'commitment.saved')).toBe(3);
    expect(await auditCount(w, 'commitment.removed')).toBe(1);
  });

  it('refuses a commitment that ends before it starts, naming endTime', async () => {
    const refused = await api.post('reference', '/commitments', {
      kind: 'work',
      title: 'Shift',
      date: nextMonday(),
      startTime: '15:00',
      endTime: '09:00',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ field: 'endTime', message: expect.any(String) }]);
  });

  it('records her small victories newest first, refuses one in the future, removes one made by mistake', async () => {
    const older = await api.post('reference', '/milestones', {
      sphere: 'economic',
      achievedOn: isoDateIn(-20),
      text: 'Opened her first bank account',
    });
    expect(older.statusCode).toBe(201);
    expect(older.json()).toMatchObject({ sphere: 'economic', recordedBy: { displayName: 'rosa' } });
    const newer = await api.post('peer', '/milestones', {
      sphere: 'education',
      achievedOn: isoDateIn(-2),
      text: 'Passed the A1 exam',
    });
    const mistake = await api.post('peer', '/milestones', {
      sphere: 'housing',
      achievedOn: isoDateIn(-1),
      text: 'Typed on the wrong case',
    });
    const future = await api.post('peer', '/milestones', {
      sphere: 'education',
      achievedOn: isoDateIn(5),
      text: 'Will pass the A2 exam',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ field: 'achievedOn', message: expect.any(String) }]);
    expect((await api.del('peer', `/milestones/${mistake.json().id}`)).statusCode).toBe(204);
    const { milestones } = (await api.get('reference', '/plan')).json();
    expect(milestones.map((m: { id: string }) => m.id)).toEqual([newer.json().id, older.json().id]);
    const rows = await w.t.database.ownerQuery(`select * from milestone where participant_id = $1`, [
      w.participantId,
    ]);
    expect(JSON.stringify(rows)).not.toContain('bank account');
  });

  it('prints her plan in Spanish: goals, steps and victories in large type, no name, no case code', async () => {
    expect((await api.get('reference', '/plan/pdf?language=es')).statusCode).toBe(404);
    const { revision } = (await api.post('reference', '/plan/draft')).json();
    const goals = [
      goal({
        text: 'Quiero hablar bien español',
        steps: [
          step({ what: 'Ir al curso de la tarde', status: 'in_progress', supports: ['childcare'] }),
          step({ what: 'Pedir plaza en la guardería', owner: { kind: 'staff', userId: w.reference.id } }),
          step({ what: 'Hacer el examen A2', owner: { kind: 'partner', partnerName: 'Language school' } }),
        ],
      }),
      goal({ sphere: 'legal_status', text: 'Renovar mis papeles', steps: [step({ what: 'Pedir cita' })] }),
    ];
    await api.put('reference', '/plan/draft', { revision, startsOn: isoDateIn(0), goals });
    await api.post('reference', '/plan/draft/agreement', {
      revision: revision + 1,
      method: 'signature',
      agreedOn: isoDateIn(0),
      signature: SIGNATURE,
    });

    const printed = await api.get('reference', '/plan/pdf?language=es');
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    expect(printed.headers['content-disposition']).toBe('attachment; filename="plan-v1-es.pdf"');
    const text = pdfText(printed.rawPayload);
    for (const expected of [
      'Mi plan',
      'Versión 1',
      'Estudios e idioma',
      'Papeles y permisos',
      'Quiero hablar bien español',
      'Haciendo:',
      'Por hacer:',
      'Ir al curso de la tarde — Yo — antes del',
      'rosa',
      'Language school',
      'alguien que cuide de mis hijos',
      'Mis pequeñas victorias',
      'Passed the A1 exam',
      'Acepté este plan el',
    ]) {
      expect(text).toContain(expected);
    }
    // Her goals come in the order the staff app shows them: by sphere, in the spheres' order.
    expect(text.indexOf('Papeles y permisos')).toBeLessThan(text.indexOf('Estudios e idioma'));
    const participant = w.org.participants[0];
    expect(text).not.toContain(participant?.preferredName);
    expect(text).not.toContain('Nadia');
    expect(text).not.toContain(participant?.caseCode);
    expect(text).not.toContain(w.org.prefix);
    expect(await auditCount(w, 'plan.printed')).toBe(1);
    // Opened on her phone, the file's properties must not name the product or the organization.
    const info = pdfInfo(printed.rawPayload);
    expect(info).toMatch(/^Title:\s+Mi plan$/m);
    // Nor when she printed it.
    expect(info).not.toMatch(/CreationDate|ModDate/);
    expect(printed.rawPayload.toString('latin1')).not.toContain('/CreationDate');
    for (const telling of ['Cope', 'Hope', w.org.prefix]) {
      expect(info).not.toContain(telling);
      expect(printed.rawPayload.toString('latin1')).not.toContain(telling);
    }

    const romanian = pdfText((await api.get('peer', '/plan/pdf?language=ro&version=1')).rawPayload);
    expect(romanian).toContain('Planul meu');
    expect(romanian).toContain('Acte și permise');
    expect((await api.get('peer', '/plan/pdf?language=ro&version=9')).statusCode).toBe(404);
    expect((await api.get('peer', '/plan/pdf?language=xx')).statusCode).toBe(400);
  });

  it('seeds demo plans the app reads back: agreed, sound, with victories, some reviewed, some with a conflict', async () => {
    const now = new Date();
    const seeded = w.org.participants.slice(1);
    for (const [i, p] of seeded.entries()) {
      await w.t.database.db.run({ organizationId: w.org.id, userId: null }, async (tx) => {
        const dataKey = await w.t.database.keyring.participantKey(tx, w.org.id, p.id);
        if (!dataKey) throw new Error('no data key');
        await seedCasePlan(
          tx,
          w.t.database.keyring,
          {
            organizationId: w.org.id,
            participantId: p.id,
            dataKey,
            referenceUserId: w.reference.id,
            teamUserIds: [w.peer.id],
            openedAt: new Date(now.getTime() - (100 + 150 * i) * 86_400_000),
          },
          seededRandom(11 + i),
          now,
        );
      });
    }
    const overviews = [];
    for (const p of seeded) {
      const overview = (await api.get('reference', '/plan', p.id)).json();
      overviews.push(overview);
      expect(overview.current.status).toBe('agreed');
      expect(overview.current.goals.length).toBeGreaterThanOrEqual(2);
      expect(overview.current.goals.length).toBeLessThanOrEqual(3);
      expect(checkPlan(overview.current)).toEqual([]);
      expect(overview.milestones.length).toBeGreaterThanOrEqual(1);
      expect(overview.schedule.conflicts.length).toBeLessThanOrEqual(1);
      if (overview.versions.length === 2) {
        const first = (await api.get('reference', '/plan/versions/1', p.id)).json();
        expect(first.status).toBe('superseded');
        expect(planDiff(first, overview.current).length).toBeGreaterThan(0);
      }
      expect((await api.get('reference', '/plan/pdf?language=en', p.id)).statusCode).toBe(200);
    }
    const owners = overviews.flatMap((o) =>
      o.current.goals.flatMap((g: { steps: { owner: { kind: string } }[] }) =>
        g.steps.map((s) => s.owner.kind),
      ),
    );
    expect(new Set(owners)).toEqual(new Set(['herself', 'staff', 'partner']));
    expect(overviews.some((o) => o.versions.length === 2)).toBe(true);
    expect(overviews.some((o) => o.versions.length === 1)).toBe(true);
    expect(overviews.some((o) => o.schedule.conflicts.length === 1)).toBe(true);
  });
});
