import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { metricsAllowed } from './http-server.js';

const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as FastifyRequest;

describe('who may read /metrics', () => {
  it('without a token: only a direct request from this machine', () => {
    expect(metricsAllowed(request('127.0.0.1'), undefined)).toBe(true);
    expect(metricsAllowed(request('::1'), undefined)).toBe(true);
    expect(metricsAllowed(request('10.0.0.7'), undefined)).toBe(false);
    // A reverse proxy on the same machine relays outsiders: refused.
    expect(metricsAllowed(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe(false);
    expect(metricsAllowed(request('127.0.0.1', { forwarded: 'for=203.0.113.9' }), undefined)).toBe(false);
  });

  it('with METRICS_TOKEN: the bearer token, from anywhere, and nothing else', () => {
    const token = 'scrape-token-0123456789abcdef';
    expect(metricsAllowed(request('10.0.0.7', { authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(metricsAllowed(request('10.0.0.7', { authorization: `Bearer ${token}x` }), token)).toBe(false);
    expect(metricsAllowed(request('127.0.0.1'), token)).toBe(false);
  });
});
