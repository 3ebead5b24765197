/**
 * TOTP (RFC 6238, 30-second step, 6 digits) through otplib. A code is accepted once: the
 * time step of the last accepted code is stored and anything at or before it is refused.
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Cope & Hope';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export interface TotpCheck {
  valid: boolean;
  timeStep?: number;
}

/** Accepts the current step and one step either side for clock drift, never a reused step. */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): Promise<TotpCheck> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now / 1000),
    epochTolerance: 30,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !('timeStep' in result)) return { valid: false };
  return { valid: true, timeStep: result.timeStep };
}

/** The current code for a secret; used by demo tooling and tests, never by request handlers. */
export function currentTotp(secret: string, now = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now / 1000) });
}
