import { isIP } from 'node:net';

/**
 * The server POSTs to the endpoint a browser gives it, so the endpoint must be an https URL on a public
 * host name (a push service), never an IP address or an internal name; a local installation
 * (PUBLIC_URL on localhost) also accepts loopback http endpoints, for a local push service in tests.
 */
export function endpointAcceptable(endpoint: string, allowLocal: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '::1';
  if (allowLocal && loopback) return true;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (isIP(host) || loopback || !host.includes('.') || /\.(local|internal|lan|localhost)$/i.test(host))
    return false;
  return true;
}

/** Whether this installation runs on localhost (tests, a developer's machine): loopback endpoints are fine. */
export function localInstallation(publicUrl: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(publicUrl);
}
