/**
 * Envelope encryption. Master key → organization keys (one for data, one for blind indexes,
 * versioned) → one data key per participant. Identifying and sensitive fields are sealed with
 * her data key; destroying that key erases them for good (crypto-shredding). Staff secrets
 * (TOTP) are sealed with the organization's data key.
 *
 * Stored form of a sealed field: `v1.<key version>.<base64url(nonce | ciphertext | tag)>`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { organizationKey, participantKey } from '../db/schema.js';
import type { Tx } from '../db/tenant.js';
import { open, seal } from './aead.js';
import type { MasterKey } from './master-key.js';

export type Purpose = 'data' | 'index';
export type IndexKind = 'name' | 'phone' | 'document';

/** Where a sealed value lives: bound into the ciphertext as associated data. */
export interface FieldRef {
  table: string;
  column: string;
  recordId: string;
}

export class KeyUnavailableError extends Error {}

const b64 = (buffer: Buffer) => buffer.toString('base64url');
const unb64 = (text: string) => Buffer.from(text, 'base64url');
const fieldAad = (ref: FieldRef, version: number) => `${ref.table}|${ref.column}|${ref.recordId}|v${version}`;
const organizationKeyAad = (organizationId: string, purpose: Purpose, version: number) =>
  `organization_key|${organizationId}|${purpose}|v${version}`;
const participantKeyAad = (participantId: string, version: number) =>
  `participant_key|${participantId}|v${version}`;

export function formatSealed(version: number, sealed: Buffer): string {
  return `v1.${version}.${b64(sealed)}`;
}

export function parseSealed(text: string): { version: number; sealed: Buffer } {
  const [format, version, body] = text.split('.');
  if (format !== 'v1' || !version || !body) throw new KeyUnavailableError('unknown ciphertext format');
  return { version: Number(version), sealed: unb64(body) };
}

/** Normalises a value before blind indexing: case, accents and spacing do not matter. */
export function normaliseForIndex(kind: IndexKind, value: string): string {
  const base = value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
  if (kind === 'phone') return base.replace(/[^\d+]/g, '').replace(/^00/, '+');
  if (kind === 'document') return base.replace(/[^a-z0-9]/g, '');
  return base.replace(/\s+/g, ' ');
}

/** Bits kept of each blind index: several records share a value, so it reveals little. */
export const BLIND_INDEX_BITS = 12;

/** Truncated HMAC of a normalised value; pure, so bulk jobs need no database round trip per value. */
export function computeBlindIndex(indexKey: Buffer, version: number, kind: IndexKind, value: string): string {
  const mac = createHmac('sha256', indexKey)
    .update(`${kind}:${normaliseForIndex(kind, value)}`)
    .digest();
  const hex = mac.toString('hex').slice(0, Math.ceil(BLIND_INDEX_BITS / 4));
  return `${kind}.${version}.${hex}`;
}

/** Seals one field with a given key; the key version is bound into the ciphertext. */
export function sealField(key: Buffer, version: number, ref: FieldRef, plaintext: string): string {
  return formatSealed(version, seal(key, Buffer.from(plaintext, 'utf8'), fieldAad(ref, version)));
}

/** Wraps her data key with an organization data key of the given version (stored form). */
export function wrapParticipantKey(orgKey: Buffer, version: number, participantId: string, dataKey: Buffer) {
  return b64(seal(orgKey, dataKey, participantKeyAad(participantId, version)));
}

/** An organization key this keyring's master key could not open (startup check). */
export interface UnreadableOrganizationKey {
  organizationId: string;
  purpose: Purpose;
  version: number;
  reason: 'other_master_key' | 'does_not_open';
}

export class Keyring {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly master: MasterKey) {}

  get masterKeyId(): string {
    return this.master.id;
  }

  /** Creates the organization's first keys if it has none. */
  async ensureOrganizationKeys(tx: Tx, organizationId: string): Promise<void> {
    await this.currentOrganizationKey(tx, organizationId, 'data');
    await this.currentOrganizationKey(tx, organizationId, 'index');
  }

  async createOrganizationKeyVersion(tx: Tx, organizationId: string, purpose: Purpose, version: number) {
    const key = randomBytes(32);
    await tx.insert(organizationKey).values({
      organizationId,
      purpose,
      version,
      wrappedKey: this.wrapOrganizationKey(key, organizationId, purpose, version),
      masterKeyId: this.master.id,
    });
    this.cache.set(`${organizationId}:${purpose}:${version}`, key);
    return { version, key };
  }

  async currentOrganizationKey(tx: Tx, organizationId: string, purpose: Purpose) {
    const [row] = await tx
      .select({ version: organizationKey.version })
      .from(organizationKey)
      .where(
        and(
          eq(organizationKey.organizationId, organizationId),
          eq(organizationKey.purpose, purpose),
          isNull(organizationKey.retiredAt),
        ),
      )
      .orderBy(desc(organizationKey.version))
      .limit(1);
    if (!row) return this.createOrganizationKeyVersion(tx, organizationId, purpose, 1);
    return {
      version: row.version,
      key: await this.organizationKey(tx, organizationId, purpose, row.version),
    };
  }

  async organizationKey(tx: Tx, organizationId: string, purpose: Purpose, version: number): Promise<Buffer> {
    const cacheKey = `${organizationId}:${purpose}:${version}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const [row] = await tx
      .select()
      .from(organizationKey)
      .where(
        and(
          eq(organizationKey.organizationId, organizationId),
          eq(organizationKey.purpose, purpose),
          eq(organizationKey.version, version),
        ),
      );
    if (!row) throw new KeyUnavailableError(`organization key ${purpose} v${version} not found`);
    if (row.masterKeyId !== this.master.id) {
      throw new KeyUnavailableError(
        'organization key was wrapped by another master key; check COPE_MASTER_KEY',
      );
    }
    const key = open(
      this.master.key,
      unb64(row.wrappedKey),
      organizationKeyAad(organizationId, purpose, version),
    );
    this.cache.set(cacheKey, key);
    return key;
  }

  /** Wraps an organization key with this keyring's master key (new versions, master rotation). */
  wrapOrganizationKey(key: Buffer, organizationId: string, purpose: Purpose, version: number): string {
    return b64(seal(this.master.key, key, organizationKeyAad(organizationId, purpose, version)));
  }

  /**
   * Tries to open every stored organization key, across organizations, through the owner
   * connection. Run at startup so a wrong master key stops the server before it serves a request
   * instead of failing on each one. Returns the keys it could not open (empty: all good).
   */
  async verifyMasterKey(system: Db): Promise<{ checked: number; unreadable: UnreadableOrganizationKey[] }> {
    const rows = await system.select().from(organizationKey);
    const unreadable: UnreadableOrganizationKey[] = [];
    for (const row of rows) {
      const at = { organizationId: row.organizationId, purpose: row.purpose, version: row.version };
      if (row.masterKeyId !== this.master.id) {
        unreadable.push({ ...at, reason: 'other_master_key' });
        continue;
      }
      try {
        open(
          this.master.key,
          unb64(row.wrappedKey),
          organizationKeyAad(row.organizationId, row.purpose, row.version),
        );
      } catch {
        unreadable.push({ ...at, reason: 'does_not_open' });
      }
    }
    return { checked: rows.length, unreadable };
  }

  /** Seals a value with the organization's current data key (staff secrets, not case data). */
  async sealForOrganization(
    tx: Tx,
    organizationId: string,
    ref: FieldRef,
    plaintext: string,
  ): Promise<string> {
    const { version, key } = await this.currentOrganizationKey(tx, organizationId, 'data');
    return sealField(key, version, ref, plaintext);
  }

  async openForOrganization(tx: Tx, organizationId: string, ref: FieldRef, stored: string): Promise<string> {
    const { version, sealed } = parseSealed(stored);
    const key = await this.organizationKey(tx, organizationId, 'data', version);
    return open(key, sealed, fieldAad(ref, version)).toString('utf8');
  }

  /** Creates her data key (wrapped by the organization's current data key). */
  async createParticipantKey(tx: Tx, organizationId: string, participantId: string): Promise<Buffer> {
    const { version, key: orgKey } = await this.currentOrganizationKey(tx, organizationId, 'data');
    const dataKey = randomBytes(32);
    await tx.insert(participantKey).values({
      organizationId,
      participantId,
      organizationKeyVersion: version,
      wrappedKey: wrapParticipantKey(orgKey, version, participantId, dataKey),
    });
    return dataKey;
  }

  /** Unwraps a data key from its stored form; null when it was destroyed (erasure). */
  async unwrapParticipantKey(
    tx: Tx,
    organizationId: string,
    participantId: string,
    stored: { organizationKeyVersion: number; wrappedKey: string | null },
  ): Promise<Buffer | null> {
    if (!stored.wrappedKey) return null;
    const orgKey = await this.organizationKey(tx, organizationId, 'data', stored.organizationKeyVersion);
    return open(
      orgKey,
      unb64(stored.wrappedKey),
      participantKeyAad(participantId, stored.organizationKeyVersion),
    );
  }

  async participantKey(tx: Tx, organizationId: string, participantId: string): Promise<Buffer | null> {
    const [row] = await tx
      .select()
      .from(participantKey)
      .where(eq(participantKey.participantId, participantId));
    if (!row) return null;
    return this.unwrapParticipantKey(tx, organizationId, participantId, row);
  }

  sealWithKey(dataKey: Buffer, ref: FieldRef, plaintext: string): string {
    return sealField(dataKey, 1, ref, plaintext);
  }

  openWithKey(dataKey: Buffer, ref: FieldRef, stored: string): string {
    const { version, sealed } = parseSealed(stored);
    return open(dataKey, sealed, fieldAad(ref, version)).toString('utf8');
  }

  /** Truncated HMAC of a normalised value with the organization's index key. */
  async blindIndex(tx: Tx, organizationId: string, kind: IndexKind, value: string) {
    const { version, key } = await this.currentOrganizationKey(tx, organizationId, 'index');
    return computeBlindIndex(key, version, kind, value);
  }

  /** Crypto-shredding: without her data key, her sealed fields can never be read again. */
  async destroyParticipantKey(tx: Tx, participantId: string): Promise<void> {
    await tx
      .update(participantKey)
      .set({ wrappedKey: null, destroyedAt: new Date() })
      .where(eq(participantKey.participantId, participantId));
  }
}
