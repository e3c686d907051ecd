// The language a reporter who did not pick one on a page (mail, Open311) is answered in. Vietnamese
// unless the channel or the text says English clearly: a Vietnamese writer answered in English may not
// understand the answer, an English writer answered in Vietnamese still gets the tracking code and link.

export type ReporterLang = 'vi' | 'en';

/**
 * The first of Vietnamese or English in a language header: `Content-Language: en-GB, vi` (listed order)
 * or `Accept-Language: fr;q=0.9, en;q=0.8, vi;q=0.5` (by weight, ties in listed order). Languages we do not
 * write in, `*` and `q=0` are skipped; null when neither is named.
 */
export function languageOfHeader(header: string | readonly string[] | null | undefined): ReporterLang | null {
  const value = Array.isArray(header) ? header.join(',') : (header as string | null | undefined);
  if (!value) return null;
  const ranked = value
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((l) => l.weight > 0 && (l.primary === 'vi' || l.primary === 'en'))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return (ranked[0]?.primary as ReporterLang | undefined) ?? null;
}

// Letters only Vietnamese writes (tone marks, ă â đ ê ô ơ ư), lower case after NFC.
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/;

// Common English words that are NOT also a Vietnamese syllable written without its marks: "the" (thẻ,
// thế), "to", "an", "in", "on", "at", "it", "no", "do", "can", "not", "my", "be", "so", "but" are left
// out, so that "Den duong o ap 3 hong" or "can ho bi ngap" never counts as English.
const ENGLISH_WORDS = new Set(
  `is are was were been being has have had will would could should must shall of and or if with from
  for this that these those there here where when what which who why how because since while about
  after before into over under near behind outside inside between our your their they them you we she
  his her its please thank thanks hello dear regards sir madam street road lane bridge light lights
  lamp water flooded flooding flood broken pothole potholes hole rubbish garbage trash waste smell noise
  tree fallen blocked dark night nights days week weeks month every still again very many some any
  house home front school market park car cars bus traffic sidewalk pavement drain drains
  sewer power cable wire wires dangerous problem issue report fix fixed repair repaired help`.split(/\s+/),
);

/**
 * What the text itself says: 'vi' when it has Vietnamese letters and is not plainly English around them,
 * 'en' when common English words make up a fair share of it, null when unsure (short, ASCII Vietnamese).
 */
export function languageOfText(text: string | null | undefined): ReporterLang | null {
  const words =
    (text ?? '')
      .normalize('NFC')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (!words.length) return null;
  let vi = 0;
  let en = 0;
  for (const w of words) {
    if (VIETNAMESE_LETTER.test(w)) vi++;
    else if (ENGLISH_WORDS.has(w)) en++;
  }
  // English around a few Vietnamese names ("Trương Định street has been flooded since Monday").
  if (en >= 2 && en > 2 * vi && en * 6 >= words.length) return 'en';
  if (vi > 0) return 'vi';
  return null;
}

/**
 * The reporter's language from what a channel knows: a language header wins (the person's software
 * says it), then the text; Vietnamese when neither is sure.
 */
export function reporterLanguage(input: {
  header?: string | readonly string[] | null | undefined;
  text?: string | null | undefined;
}): ReporterLang {
  return languageOfHeader(input.header) ?? languageOfText(input.text) ?? 'vi';
}

/**
 * A mail's sender's language: their own words first, then `Content-Language`. Mail programs write that
 * header from their own interface language (an English Outlook tags a Vietnamese mail `en-US`), so the
 * header decides only when the text does not (short, or Vietnamese typed without marks).
 */
export function mailReporterLanguage(
  contentLanguage: string | readonly string[] | null | undefined,
  text: string | null | undefined,
): ReporterLang {
  return languageOfText(text) ?? languageOfHeader(contentLanguage) ?? 'vi';
}
