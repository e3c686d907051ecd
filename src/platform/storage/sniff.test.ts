import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionMatches, extensionOf, sniff } from './sniff.js';

let jpeg: Buffer;
let png: Buffer;
let webp: Buffer;
let gif: Buffer;

const ftyp = (major: string, ...compatible: string[]) => {
  const brands = [major, '\0\0\0\0', ...compatible].join('');
  const box = Buffer.alloc(8 + brands.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brands, 8, 'latin1');
  return Buffer.concat([box, Buffer.alloc(32)]);
};

beforeAll(async () => {
  const img = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } });
  jpeg = await img().jpeg().toBuffer();
  png = await img().png().toBuffer();
  webp = await img().webp().toBuffer();
  gif = await img().gif().toBuffer();
});

describe('sniff: the type comes from the content', () => {
  it('recognises real photos made by sharp', () => {
    expect(sniff(jpeg, 'a.jpg')).toEqual({ mime: 'image/jpeg', kind: 'photo', ext: 'jpg' });
    expect(sniff(png)).toEqual({ mime: 'image/png', kind: 'photo', ext: 'png' });
    expect(sniff(webp)).toEqual({ mime: 'image/webp', kind: 'photo', ext: 'webp' });
    expect(sniff(gif)).toEqual({ mime: 'image/gif', kind: 'photo', ext: 'gif' });
  });

  it('recognises HEIC/HEIF photos and MP4/MOV videos by their ftyp brand, and WebM', () => {
    expect(sniff(ftyp('heic', 'mif1', 'heic'))).toMatchObject({ mime: 'image/heic', kind: 'photo' });
    expect(sniff(ftyp('heix'))).toMatchObject({ mime: 'image/heic', kind: 'photo' });
    expect(sniff(ftyp('mif1', 'mif1', 'heic'))).toMatchObject({ mime: 'image/heic', kind: 'photo' });
    expect(sniff(ftyp('mif1', 'mif1', 'avif'))).toMatchObject({ mime: 'image/avif', kind: 'photo' });
    expect(sniff(ftyp('isom', 'isom', 'avc1'))).toEqual({ mime: 'video/mp4', kind: 'video', ext: 'mp4' });
    expect(sniff(ftyp('mp42', 'isom'))).toMatchObject({ mime: 'video/mp4' });
    expect(sniff(ftyp('qt  ', 'qt  '))).toEqual({ mime: 'video/quicktime', kind: 'video', ext: 'mov' });
    expect(sniff(ftyp('xxxx'))).toBeNull();
    const webm = Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]),
      Buffer.from('webm'),
      Buffer.alloc(16),
    ]);
    expect(sniff(webm)).toEqual({ mime: 'video/webm', kind: 'video', ext: 'webm' });
  });

  it('recognises PDF and office documents (zip + the right extension and parts)', () => {
    expect(sniff(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'))).toEqual({
      mime: 'application/pdf',
      kind: 'document',
      ext: 'pdf',
    });
    const zip = (...names: string[]) =>
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(names.join(''))]);
    const docx = zip('[Content_Types].xml', 'word/document.xml');
    expect(sniff(docx, 'don.docx')).toMatchObject({ kind: 'document', ext: 'docx' });
    expect(sniff(zip('[Content_Types].xml', 'xl/workbook.xml'), 'bang.xlsx')).toMatchObject({
      kind: 'document',
      ext: 'xlsx',
    });
    expect(sniff(zip('mimetypeapplication/vnd.oasis.opendocument.text'), 'van-ban.odt')).toMatchObject({
      ext: 'odt',
    });
    expect(sniff(docx, 'archive.zip')).toBeNull();
    expect(sniff(docx, 'photo.jpg')).toBeNull();
    expect(sniff(zip('random.txt'), 'fake.docx')).toBeNull();
  });

  it('refuses plain text, HTML, SVG and too-short files, whatever they are called', () => {
    expect(sniff(Buffer.from('xin chào, đây là văn bản'), 'anh.jpg')).toBeNull();
    expect(sniff(Buffer.from('<html><script>alert(1)</script>'), 'a.pdf')).toBeNull();
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.png')).toBeNull();
    expect(sniff(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('checks that the name does not claim another type', () => {
    const pdf = sniff(Buffer.from('%PDF-1.7'))!;
    const jpg = sniff(jpeg)!;
    expect(extensionMatches(pdf, 'evil.jpg')).toBe(false);
    expect(extensionMatches(pdf, 'Công văn.PDF')).toBe(true);
    expect(extensionMatches(jpg, 'IMG_0001.JPEG')).toBe(true);
    expect(extensionMatches(jpg, 'photo.jpg.exe')).toBe(false);
    expect(extensionMatches(jpg, 'photo.html')).toBe(false);
    expect(extensionMatches(jpg, 'blob')).toBe(true);
    expect(extensionMatches(jpg, 'Ảnh 12.05.2026')).toBe(true);
    expect(extensionOf('C:\\Users\\an\\x.Png')).toBe('png');
  });
});
