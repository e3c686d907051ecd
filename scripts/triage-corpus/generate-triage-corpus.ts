/**
 * Writes profiles/long-an-2022/triage-corpus.json: a labelled Vietnamese corpus of citizen reports for
 * the triage classifier, composed deterministically (seeded) from the hand-written phrase pools in
 * phrases.ts and the profile's real districts and communes. Written for the project; CC0-1.0.
 *
 *   npx tsx scripts/triage-corpus/generate-triage-corpus.ts [perCategory=100]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripDiacritics } from '../../src/modules/triage/normalize.js';
import { HAMLETS, PHRASES, ROADS } from './phrases.js';

interface Unit {
  code: string;
  name: string;
  type: string;
  level: number;
  parent_code: string | null;
}
interface Category {
  code: string;
}

export interface CorpusReport {
  title: string;
  body: string;
  category: string;
  district: string;
  district_code: string;
  unit_code: string;
  style: 'formal' | 'informal' | 'no_diacritics' | 'messy';
  split: 'train' | 'test';
  /** The problem described (category/index in phrases.ts): two reports of one problem in one place are duplicates. */
  problem: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const profileDir = path.join(root, 'profiles/long-an-2022');
const units = JSON.parse(readFileSync(path.join(profileDir, 'units.json'), 'utf8')) as Unit[];
const categories = JSON.parse(readFileSync(path.join(profileDir, 'categories.json'), 'utf8')) as Category[];

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20221001);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;

const districts = units.filter((u) => u.level === 2);
const communesOf = new Map(districts.map((d) => [d.code, units.filter((u) => u.parent_code === d.code)]));

function placeText(district: Unit, commune: Unit): string {
  const c = commune.name; // "Xã Long Thượng", "Phường 3", "Thị trấn Bến Lức"
  const lc = c.charAt(0).toLowerCase() + c.slice(1);
  const d = district.name.replace(/^(Huyện|Thành phố|Thị xã) /, '');
  const variants = [
    `${pick(HAMLETS)} ${lc}`,
    lc,
    `${pick(HAMLETS)}, ${lc}, ${district.type} ${d}`,
    `${lc} ${district.type} ${d}`,
    `${district.type} ${d}`,
    `chợ ${commune.name.replace(/^(Xã|Phường|Thị trấn) /, '')}`,
  ];
  return pick(variants);
}

function fill(template: string, place: string): string {
  return template
    .replace(/\{place\}/g, place)
    .replace(/\{road\}/g, () => pick(ROADS))
    .replace(/\{n\}/g, () => String(2 + Math.floor(random() * 8)))
    .replace(/\{hour\}/g, () => String(pick([1, 2, 5, 6, 11, 12])))
    .replace(/\{days\}/g, () => String(2 + Math.floor(random() * 6)));
}

const OPENERS_FORMAL = [
  'Kính gửi Tổng đài 1022,',
  'Kính gửi UBND,',
  'Kính gửi cơ quan chức năng,',
  'Tôi xin phản ánh sự việc như sau:',
  'Tôi là người dân sinh sống tại địa phương, xin phản ánh:',
];
const OPENERS_INFORMAL = [
  'Alo tổng đài ơi,',
  'Cho tui phản ánh chút,',
  'Bà con ơi,',
  'Dạ cho em hỏi,',
  'Chào anh chị,',
];
const CLOSERS_FORMAL = ['Xin cảm ơn.', 'Trân trọng cảm ơn.', 'Rất mong được quan tâm giải quyết.'];
const CLOSERS_INFORMAL = [
  'cảm ơn nhiều',
  'mong sớm giải quyết giùm',
  'cám ơn!!!',
  'giúp dân với',
  'lẹ giùm nha',
];

/**
 * The held-out split is by phrasing, not by report: about one core sentence in five (chosen by a hash of
 * its text) appears only in test reports, so the measured accuracy is on descriptions never seen in
 * training — closer to real use than a random split of reports composed from the same sentences.
 */
function isHeldOut(code: string, core: string): boolean {
  let h = 2166136261;
  for (const ch of code + core) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 5 === 0;
}

/** Chat forms: each occurrence is replaced with some probability so texts mix both forms. */
const CHAT: [RegExp, string[]][] = [
  [/không/g, ['ko', 'k', 'hok', 'kg']],
  [/được/g, ['dc', 'đc', 'dk']],
  [/\bgì\b/g, ['j']],
  [/người/g, ['ng']],
  [/bảo hiểm/g, ['bh']],
  [/\brồi\b/g, ['r']],
  [/\bvới\b/g, ['vs']],
  [/\btôi\b/g, ['tui', 't']],
  [/\bvào\b/g, ['vô']],
  [/nhiều/g, ['nhìu']],
  [/\bquá\b/g, ['wá', 'qá']],
  [/\bvậy\b/g, ['z', 'v']],
  [/\bbiết\b/g, ['bít', 'bik']],
  [/nước/g, ['nc']],
  [/trước/g, ['trc']],
];

function chatify(text: string, p: number): string {
  let out = text;
  for (const [re, forms] of CHAT) out = out.replace(re, (m) => (chance(p) ? pick(forms) : m));
  return out;
}

/** Typos: drop, swap or double a letter in a few longer words. */
function typos(text: string, rate: number): string {
  return text
    .split(' ')
    .map((w) => {
      if (w.length < 4 || !chance(rate)) return w;
      const i = 1 + Math.floor(random() * (w.length - 2));
      const kind = Math.floor(random() * 3);
      if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
      if (kind === 1) return w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
      return w.slice(0, i) + w[i] + w.slice(i);
    })
    .join(' ');
}

function casing(text: string): string {
  const r = random();
  if (r < 0.2) return text.toUpperCase();
  if (r < 0.5) return text.toLowerCase();
  if (r < 0.7)
    return text
      .split(' ')
      .map((w) => (chance(0.15) ? w.toUpperCase() : w))
      .join(' ');
  return text;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?:,]$/.test(t) ? t : `${t}.`;
}

function compose(
  code: string,
  district: Unit,
  commune: Unit,
  style: CorpusReport['style'],
): { title: string; body: string; heldOut: boolean; problem: string } {
  const phrases = PHRASES[code];
  if (!phrases) throw new Error(`no phrases for category ${code}`);
  const problemIndex = Math.floor(random() * phrases.problems.length);
  const problem = phrases.problems[problemIndex]!;
  const core = pick(problem.cores);
  const place = placeText(district, commune);
  const formal = style === 'formal';
  const parts: string[] = [];
  if (chance(formal ? 0.6 : 0.25)) parts.push(pick(formal ? OPENERS_FORMAL : OPENERS_INFORMAL));
  parts.push(sentence(fill(core, place)));
  if (chance(0.6)) parts.push(sentence(fill(pick(phrases.details), place)));
  if (chance(0.2)) parts.push(sentence(fill(pick(phrases.details), place)));
  if (chance(0.85)) parts.push(sentence(fill(pick(phrases.asks), place)));
  if (chance(formal ? 0.5 : 0.3)) parts.push(pick(formal ? CLOSERS_FORMAL : CLOSERS_INFORMAL));
  let title = fill(pick(problem.titles), place);
  let body = parts.join(' ');
  if (style === 'informal') {
    body = chatify(body, 0.6);
    if (chance(0.4)) title = title.toLowerCase();
  } else if (style === 'no_diacritics') {
    body = stripDiacritics(chatify(body, 0.3));
    if (chance(0.7)) title = stripDiacritics(title).toLowerCase();
  } else if (style === 'messy') {
    body = typos(chatify(body, 0.7), 0.15);
    if (chance(0.5)) body = stripDiacritics(body);
    title = casing(typos(chance(0.5) ? stripDiacritics(title) : title, 0.15));
    body = casing(body);
  }
  return { title, body, heldOut: isHeldOut(code, core), problem: `${code}/${problemIndex}` };
}

function styleFor(i: number): CorpusReport['style'] {
  const r = (i * 7919) % 20;
  if (r < 7) return 'formal';
  if (r < 14) return 'informal';
  if (r < 18) return 'no_diacritics';
  return 'messy';
}

export function generateCorpus(perCategory: number): CorpusReport[] {
  const out: CorpusReport[] = [];
  let i = 0;
  for (let k = 0; k < perCategory; k++) {
    for (const c of categories) {
      if (!PHRASES[c.code]) throw new Error(`no phrases for category ${c.code}`);
      const district = districts[i % districts.length]!;
      const commune = pick(communesOf.get(district.code)!);
      const style = styleFor(i);
      const { title, body, heldOut, problem } = compose(c.code, district, commune, style);
      out.push({
        title,
        body,
        category: c.code,
        district: district.name,
        district_code: district.code,
        unit_code: commune.code,
        style,
        split: heldOut ? 'test' : 'train',
        problem,
      });
      i++;
    }
  }
  return out;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const perCategory = Number(process.argv[2] ?? 100);
  const corpus = generateCorpus(perCategory);
  const file = path.join(profileDir, 'triage-corpus.json');
  writeFileSync(file, JSON.stringify(corpus, null, 1) + '\n');
  const test = corpus.filter((r) => r.split === 'test').length;
  console.log(
    `${corpus.length} reports (${corpus.length - test} train, ${test} test) → ${path.relative(root, file)}`,
  );
}
