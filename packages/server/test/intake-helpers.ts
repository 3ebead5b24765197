/** Shared steps of the intake and section-record tests: opening cases and giving consent. */
import { randomUUID } from 'node:crypto';
import type { TPersonStep } from '@cope/contracts';
import { expect } from 'vitest';
import { consent } from '../src/db/schema-case.js';
import type { TestApp } from './app.js';

export const today = () => new Date().toISOString().slice(0, 10);

export const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const person = (overrides: Partial<TPersonStep> = {}): Partial<TPersonStep> => ({
  preferredName: 'Lina',
  legalName: `${overrides.preferredName ?? 'Lina'} Testova Marin`,
  birthDate: '1994-05-17',
  citizenship: 'MD',
  // A new document number each time, so that only the tests about duplicates find any.
  documents: [{ kind: 'passport', number: `AB-${randomUUID().slice(0, 8)}` }],
  ...overrides,
});

/** Opens a case through the API as the signed-in person; returns the created payload. */
export async function openCase(t: TestApp, cookie: string, body: Partial<TPersonStep> = person()) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/participants',
    headers: { cookie },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    id: string;
    caseCode: string;
    duplicates: { visible: { id: string; caseCode: string; matchedOn: string[] }[]; restricted: boolean };
  };
}

export function saveStep(t: TestApp, cookie: string, participantId: string, step: string, payload: unknown) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/participants/${participantId}/intake/${step}`,
    headers: { cookie },
    payload: payload as Record<string, unknown>,
  });
}

/** Her record-keeping consent, written straight to the register (the consent API is elsewhere). */
export async function giveRecordKeepingConsent(
  t: TestApp,
  organizationId: string,
  participantId: string,
  staffId: string,
  options: { withdrawn?: boolean; purpose?: string } = {},
) {
  await t.database.db.run({ organizationId, userId: null }, (tx) =>
    tx.insert(consent).values({
      id: randomUUID(),
      organizationId,
      participantId,
      purpose: options.purpose ?? 'record_keeping',
      recipient: null,
      dataCategories: [],
      method: 'signed',
      language: 'en',
      explainedByUserId: staffId,
      givenOn: today(),
      withdrawnAt: options.withdrawn ? new Date() : null,
      recordedByUserId: staffId,
    }),
  );
}

/** The first validation issue's field and message. */
export function firstIssue(response: { json(): unknown }) {
  const body = response.json() as { error: { code: string; details: { field: string; message: string }[] } };
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.details[0];
}
