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

/** Verifies a 6-digit code, accepting one 30-second step of clock drift either way. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}
