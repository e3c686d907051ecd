/**
 * Vietnamese text normalisation for triage: people type with or without diacritics, with chat
 * abbreviations ("ko", "dc", "j"), typos and any casing. Everything here is pure and fast.
 */

const stripped = new Map<number, string>();

/** One character without its marks (đ → d), computed once per distinct character. */
function baseOf(code: number): string {
  let base = stripped.get(code);
  if (base === undefined) {
    const ch = String.fromCharCode(code);
    base = code === 0x111 ? 'd' : code === 0x110 ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    stripped.set(code, base);
  }
  return base;
}

/** Removes Vietnamese diacritics (đ → d) from NFC text of any case, keeping other characters. */
export function stripDiacritics(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x80 ? text[i] : baseOf(c);
  }
  return out;
}

/**
 * Chat abbreviations and short forms seen in 1022 reports, written without diacritics (they are
 * matched after stripping). Ambiguous forms are left out ("hs": học sinh or hồ sơ; "dk": được or
 * đăng ký; "hong": không or hỏng; "ca": cá or công an). "bh" is read as bảo hiểm (bhyt, bhxh), the sense that matters for triage.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ko: 'khong',
  k: 'khong',
  kg: 'khong',
  kh: 'khong',
  hok: 'khong',
  hk: 'khong',
  dc: 'duoc',
  dk: 'duoc',
  dx: 'duoc',
  j: 'gi',
  z: 'vay',
  v: 'vay',
  ng: 'nguoi',
  ngta: 'nguoi ta',
  bh: 'bao hiem',
  bhyt: 'bao hiem y te',
  bhxh: 'bao hiem xa hoi',
  bhtn: 'bao hiem that nghiep',
  r: 'roi',
  cx: 'cung',
  cg: 'cung',
  vs: 'voi',
  ns: 'noi',
  mn: 'moi nguoi',
  bn: 'bao nhieu',
  trc: 'truoc',
  ntn: 'nhu the nao',
  nc: 'nuoc',
  wa: 'qua',
  bik: 'biet',
  bit: 'biet',
  hic: '',
  sdt: 'so dien thoai',
  dt: 'dien thoai',
  ubnd: 'uy ban nhan dan',
  ubt: 'uy ban tinh',
  tp: 'thanh pho',
  tx: 'thi xa',
  ql: 'quoc lo',
  csgt: 'canh sat giao thong',
  dvc: 'dich vu cong',
  bv: 'benh vien',
  tyt: 'tram y te',
  gplx: 'giay phep lai xe',
  cccd: 'can cuoc cong dan',
  kcn: 'khu cong nghiep',
  kdc: 'khu dan cu',
  kp: 'khu pho',
  thpt: 'trung hoc pho thong',
  thcs: 'trung hoc co so',
  mk: 'minh',
  mik: 'minh',
  e: 'em',
  a: 'anh',
  t: 'toi',
  tui: 'toi',
};

export interface NormalizedText {
  /** NFC, lower case, punctuation to spaces, diacritics kept. */
  kept: string;
  /** The same without diacritics (đ → d) and with abbreviations expanded: the form features use. */
  plain: string;
  /** Words of `plain`. */
  words: string[];
  /** Words of `kept` (diacritics carry meaning when present: "lúa" vs "lũ"). */
  keptWords: string[];
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, NFC, diacritics kept and removed, abbreviations expanded, split into words. */
export function normalize(text: string): NormalizedText {
  const kept = text.normalize('NFC').toLowerCase().replace(NON_WORD, ' ').trim();
  const keptWords = kept ? kept.split(' ') : [];
  const words: string[] = [];
  for (const w of stripDiacritics(kept).split(' ')) {
    if (!w) continue;
    const expanded = ABBREVIATIONS[w];
    if (expanded === undefined) words.push(w);
    else if (expanded) for (const x of expanded.split(' ')) words.push(x);
  }
  return { kept, plain: words.join(' '), words, keptWords };
}
