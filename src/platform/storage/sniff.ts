/** What a file really is, read from its first bytes (never from its name). */
export interface SniffedType {
  mime: string;
  kind: 'photo' | 'video' | 'document';
  /** The extension we store it under. */
  ext: string;
}

/** Extensions a file of each type may carry in its name; any other known extension is a mismatch. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif', 'hif'],
  'image/heif': ['heif', 'heic', 'hif'],
  'image/avif': ['avif'],
  'video/mp4': ['mp4', 'm4v', 'mov'],
  'video/quicktime': ['mov', 'qt', 'mp4'],
  'video/webm': ['webm'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
};

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'm4v ',
  'msnv',
  'dash',
]);
const QT_BRANDS = new Set(['qt  ']);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';

function startsWith(data: Buffer, bytes: number[] | string, offset = 0): boolean {
  const sig = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return data.length >= offset + sig.length && data.subarray(offset, offset + sig.length).equals(sig);
}

/**
 * The lower-case extension of a file name, ignoring any folder part; '' when there is none or when what
 * follows the last dot does not look like an extension (`Ảnh 12.05.2026` has none).
 */
export function extensionOf(fileName: string | undefined | null): string {
  if (!fileName) return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext =
    dot > 0
      ? base
          .slice(dot + 1)
          .trim()
          .toLowerCase()
      : '';
  return /^[a-z][a-z0-9]{0,7}$/.test(ext) ? ext : '';
}

function photo(mime: string, ext: string): SniffedType {
  return { mime, kind: 'photo', ext };
}

/** ISO base media files (HEIC/HEIF/AVIF photos, MP4/MOV videos): the `ftyp` box names the brands. */
function sniffFtyp(data: Buffer): SniffedType | null {
  if (!startsWith(data, 'ftyp', 4)) return null;
  const boxSize = data.readUInt32BE(0);
  const end = Math.min(data.length, boxSize >= 16 && boxSize <= 4096 ? boxSize : 16);
  const major = data.subarray(8, 12).toString('latin1').toLowerCase();
  const compatible: string[] = [];
  for (let i = 16; i + 4 <= end; i += 4)
    compatible.push(
      data
        .subarray(i, i + 4)
        .toString('latin1')
        .toLowerCase(),
    );
  if (HEIC_BRANDS.has(major)) return photo('image/heic', 'heic');
  if (AVIF_BRANDS.has(major)) return photo('image/avif', 'avif');
  if (HEIF_BRANDS.has(major)) {
    if (compatible.some((b) => AVIF_BRANDS.has(b))) return photo('image/avif', 'avif');
    return photo(compatible.some((b) => HEIC_BRANDS.has(b)) ? 'image/heic' : 'image/heif', 'heic');
  }
  if (QT_BRANDS.has(major)) return { mime: 'video/quicktime', kind: 'video', ext: 'mov' };
  if (MP4_BRANDS.has(major)) return { mime: 'video/mp4', kind: 'video', ext: 'mp4' };
  return null;
}

/** Office documents are zip files; only the extensions we accept, with the parts each format must have. */
function sniffZip(data: Buffer, ext: string): SniffedType | null {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return null;
  const has = (s: string) => data.includes(s, 0, 'latin1');
  if (ext === 'docx' && has('[Content_Types].xml') && has('word/'))
    return { mime: DOCX, kind: 'document', ext: 'docx' };
  if (ext === 'xlsx' && has('[Content_Types].xml') && has('xl/'))
    return { mime: XLSX, kind: 'document', ext: 'xlsx' };
  if (ext === 'odt' && startsWith(data, `mimetype${ODT}`, 30))
    return { mime: ODT, kind: 'document', ext: 'odt' };
  return null;
}

/**
 * Detects the real type of a file from its magic bytes: JPEG, PNG, GIF, WebP, HEIC/HEIF/AVIF photos;
 * MP4, MOV and WebM videos; PDF, DOCX, XLSX and ODT documents. Anything else (plain text, HTML, SVG,
 * executables, other zips) is null. The name is only consulted to tell zip-based documents apart.
 */
export function sniff(data: Buffer, fileName?: string): SniffedType | null {
  if (data.length < 4) return null;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return photo('image/jpeg', 'jpg');
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return photo('image/png', 'png');
  if (startsWith(data, 'GIF87a') || startsWith(data, 'GIF89a')) return photo('image/gif', 'gif');
  if (startsWith(data, 'RIFF') && startsWith(data, 'WEBP', 8)) return photo('image/webp', 'webp');
  const ftyp = sniffFtyp(data);
  if (ftyp) return ftyp;
  if (startsWith(data, [0x1a, 0x45, 0xdf, 0xa3]) && data.subarray(0, 64).includes('webm', 0, 'latin1')) {
    return { mime: 'video/webm', kind: 'video', ext: 'webm' };
  }
  if (startsWith(data, '%PDF-')) return { mime: 'application/pdf', kind: 'document', ext: 'pdf' };
  return sniffZip(data, extensionOf(fileName));
}

/**
 * True when the name carries no extension or one that belongs to the detected type; `evil.jpg` holding
 * a PDF, or `photo.jpg.exe` holding a JPEG, is a mismatch.
 */
export function extensionMatches(type: SniffedType, fileName: string | undefined | null): boolean {
  const ext = extensionOf(fileName);
  if (!ext) return true;
  return (EXTENSIONS[type.mime] ?? [type.ext]).includes(ext);
}
