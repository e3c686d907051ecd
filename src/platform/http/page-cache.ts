import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Entry {
  body: string;
  etag: string;
  expires: number;
}

/**
 * A small in-process cache of rendered public pages (published answers, lists): a page is rendered at most
 * once per `ttlMs` per address, however many visitors ask, and carries an ETag so a browser or proxy that
 * has it gets a 304. Only successful renders are kept; at most `max` pages (the oldest go first). Pages
 * show public data only, so every visitor may share one copy. Each process keeps its own.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 500,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, render: () => Promise<string> | string): Promise<Entry> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit;
    const body = await render();
    const entry = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      expires: this.now() + this.ttlMs,
    };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Sends a cached HTML page with its ETag, or 304 when the client already holds this version. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  page: { body: string; etag: string },
  cacheControl: string,
): FastifyReply {
  reply.type('text/html; charset=utf-8').header('cache-control', cacheControl).header('etag', page.etag);
  if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
  return reply.status(200).send(page.body);
}
