import { Fragment, type ReactNode } from 'react';

/**
 * A small, safe Markdown: the content body is parsed into blocks and inline runs and rendered as React
 * elements, so every character of the author's text is escaped by React and no HTML written by an author
 * ever reaches a page (no raw HTML pass-through, no `dangerouslySetInnerHTML`). Links are kept only for
 * http(s), mailto, tel and site-relative targets. Supported: paragraphs, `#`…`####` headings (the top-most
 * depth used becomes h2, below the page's h1), `-`/`*` and
 * `1.` lists, `>` quotes, `**bold**`, `*italic*`, `[text](url)`, bare https URLs, hard line breaks.
 */

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 2 | 3 | 4; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'quote'; c: Inline[] };

/** Only these link targets survive; anything else (javascript:, data:, vbscript:, //host) becomes text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (/^https?:\/\/[^\s]+$/i.test(href)) return href;
  if (/^(mailto|tel):[^\s]+$/i.test(href)) return href;
  if (/^\/(?!\/)[^\s]*$/.test(href)) return href;
  return null;
}

const INLINE =
  /\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?])/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ t: 'text', v: rest });
      break;
    }
    if (m.index > 0) out.push({ t: 'text', v: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ t: 'strong', c: parseInline(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'em', c: parseInline(m[2]) });
    else if (m[3] !== undefined && m[4] !== undefined) {
      const href = safeHref(m[4]);
      if (href) out.push({ t: 'link', href, c: parseInline(m[3]) });
      else out.push({ t: 'text', v: m[3] });
    } else if (m[5] !== undefined) out.push({ t: 'link', href: m[5], c: [{ t: 'text', v: m[5] }] });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

function inlineLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ t: 'br' });
    out.push(...parseInline(line.trim()));
  });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      // The raw depth for now; levels are fixed once every heading is known (below).
      const level = heading[1]!.length as 2 | 3 | 4;
      blocks.push({ t: 'h', level, c: parseInline(heading[2]!.replace(/\s+#+\s*$/, '').trim()) });
      i++;
      continue;
    }
    const bullet = /^\s*[-*+]\s+/;
    const numbered = /^\s*\d{1,3}[.)]\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const kind = bullet.test(line) ? 'ul' : 'ol';
      const marker = kind === 'ul' ? bullet : numbered;
      const items: Inline[][] = [];
      while (i < lines.length && marker.test(lines[i]!)) {
        items.push(parseInline(lines[i]!.replace(marker, '').trim()));
        i++;
      }
      blocks.push({ t: kind, items });
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i]!)) {
        quoted.push(lines[i]!.replace(/^\s*>\s?/, ''));
        i++;
      }
      blocks.push({ t: 'quote', c: inlineLines(quoted) });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() &&
      !/^(#{1,4})\s+/.test(lines[i]!) &&
      !bullet.test(lines[i]!) &&
      !numbered.test(lines[i]!) &&
      !/^\s*>/.test(lines[i]!)
    ) {
      para.push(lines[i]!);
      i++;
    }
    blocks.push({ t: 'p', c: inlineLines(para) });
  }
  // The page's title is the h1: the body's top-most heading depth (`#` or `##`, as authors write)
  // becomes h2 and no level is skipped (screen readers navigate by heading level).
  const headings = blocks.filter((b): b is Extract<Block, { t: 'h' }> => b.t === 'h');
  const top = Math.min(...headings.map((h) => h.level));
  let previous = 1;
  for (const h of headings) {
    h.level = Math.min(4, h.level - top + 2, previous + 1) as 2 | 3 | 4;
    previous = h.level;
  }
  return blocks;
}

function inlineText(c: Inline[]): string {
  return c
    .map((n) => (n.t === 'text' ? n.v : n.t === 'br' ? ' ' : inlineText(n.c)))
    .join('')
    .replace(/\s+/g, ' ');
}

/** The body as plain text (for descriptions, feeds and search snippets). */
export function markdownToText(source: string): string {
  return parseMarkdown(source)
    .map((b) => ('items' in b ? b.items.map(inlineText).join('; ') : inlineText(b.c)))
    .join('\n')
    .trim();
}

function renderInline(c: Inline[]): ReactNode[] {
  return c.map((n, i) => {
    switch (n.t) {
      case 'text':
        return <Fragment key={i}>{n.v}</Fragment>;
      case 'br':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{renderInline(n.c)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.c)}</em>;
      case 'link': {
        const external = /^https?:/i.test(n.href);
        return (
          <a key={i} href={n.href} {...(external ? { rel: 'noopener noreferrer nofollow' } : {})}>
            {renderInline(n.c)}
          </a>
        );
      }
    }
  });
}

/** The body rendered as React elements (server-side for public pages, in the browser for the app). */
export function Markdown({ source }: { source: string }) {
  return (
    <>
      {parseMarkdown(source).map((b, i) => {
        switch (b.t) {
          case 'p':
            return <p key={i}>{renderInline(b.c)}</p>;
          case 'h': {
            const H = `h${b.level}` as 'h2' | 'h3' | 'h4';
            return <H key={i}>{renderInline(b.c)}</H>;
          }
          case 'quote':
            return <blockquote key={i}>{renderInline(b.c)}</blockquote>;
          case 'ul':
          case 'ol': {
            const L = b.t;
            return (
              <L key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{renderInline(item)}</li>
                ))}
              </L>
            );
          }
        }
      })}
    </>
  );
}
