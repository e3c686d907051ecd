import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** A new base32 TOTP secret. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URL and its QR code (SVG) for authenticator apps. */
export async function totpEnrollment(secret: string, issuer: string, label: string) {
  const otpauthUrl = generateURI({ issuer, label, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, width: 200 });
  return { otpauthUrl, qrSvg };
}

/**
 * Verifies a 6-digit code, accepting one 30-second step of clock drift either way, and refusing a code
 * of a step at or before `lastStep` (a replayed code). Returns the matched step, or null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastStep: number | null = null,
): Promise<number | null> {
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    if (!result.valid) return null;
    const epoch =
      'epoch' in result && typeof result.epoch === 'number'
        ? result.epoch
        : Math.floor(Date.now() / 1000) + 30 * result.delta;
    const step = Math.floor(epoch / 30);
    return lastStep !== null && step <= lastStep ? null : step;
  } catch {
    return null;
  }
}
