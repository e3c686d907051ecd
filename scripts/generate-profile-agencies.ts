/**
 * Writes `profiles/<name>/agencies.json`: the province's fixed agencies (listed below) plus one
 * People's Committee (UBND) per district and per commune, generated from the profile's units.json.
 *
 *   npx tsx scripts/generate-profile-agencies.ts            # every profile known here
 *   npx tsx scripts/generate-profile-agencies.ts long-an-2022
 *
 * The fixed lists are a realistic model of each province's apparatus, to be confirmed by the province.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PROFILES_DIR = path.resolve(import.meta.dirname, '../profiles');

type Kind =
  | 'province'
  | 'department'
  | 'district_pc'
  | 'commune_pc'
  | 'police'
  | 'sociopolitical'
  | 'press'
  | 'utility'
  | 'centre'
  | 'other';

interface Agency {
  code: string;
  name: string;
  shortName: string;
  kind: Kind;
  parentCode: string | null;
  unitCode: string | null;
}

interface UnitRow {
  code: string;
  name: string;
  short_name: string;
  name_ascii: string;
  type: string;
  level: number;
  parent_code: string | null;
}

/** Shorthand for a fixed agency row. */
function a(code: string, name: string, shortName: string, kind: Kind, parentCode: string | null): Agency {
  return { code, name, shortName, kind, parentCode, unitCode: null };
}

const PROVINCE = 'ubnd-tinh';

/** Long An before 1/7/2025: 3 levels, departments as organised in 2022. */
function longAn2022(): Agency[] {
  const p = PROVINCE;
  return [
    { ...a(p, 'Ủy ban nhân dân tỉnh Long An', 'UBND tỉnh', 'province', null), unitCode: '80' },
    a('vp-ubnd-tinh', 'Văn phòng Ủy ban nhân dân tỉnh Long An', 'VP UBND tỉnh', 'department', p),
    a('so-tttt', 'Sở Thông tin và Truyền thông tỉnh Long An', 'Sở TT-TT', 'department', p),
    a('ioc', 'Trung tâm Điều hành thông minh tỉnh Long An', 'IOC Long An', 'centre', 'so-tttt'),
    a('so-gtvt', 'Sở Giao thông vận tải tỉnh Long An', 'Sở GTVT', 'department', p),
    a('so-xd', 'Sở Xây dựng tỉnh Long An', 'Sở Xây dựng', 'department', p),
    a('so-tnmt', 'Sở Tài nguyên và Môi trường tỉnh Long An', 'Sở TN-MT', 'department', p),
    a('so-nnptnt', 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Long An', 'Sở NN-PTNT', 'department', p),
    a('so-yt', 'Sở Y tế tỉnh Long An', 'Sở Y tế', 'department', p),
    a('so-gddt', 'Sở Giáo dục và Đào tạo tỉnh Long An', 'Sở GD-ĐT', 'department', p),
    a('so-ldtbxh', 'Sở Lao động - Thương binh và Xã hội tỉnh Long An', 'Sở LĐ-TB-XH', 'department', p),
    a('so-vhttdl', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Long An', 'Sở VH-TT-DL', 'department', p),
    a('so-nv', 'Sở Nội vụ tỉnh Long An', 'Sở Nội vụ', 'department', p),
    a('so-ct', 'Sở Công Thương tỉnh Long An', 'Sở Công Thương', 'department', p),
    a('so-khdt', 'Sở Kế hoạch và Đầu tư tỉnh Long An', 'Sở KH-ĐT', 'department', p),
    a('so-tc', 'Sở Tài chính tỉnh Long An', 'Sở Tài chính', 'department', p),
    a('so-tp', 'Sở Tư pháp tỉnh Long An', 'Sở Tư pháp', 'department', p),
    a('thanh-tra-tinh', 'Thanh tra tỉnh Long An', 'Thanh tra tỉnh', 'department', p),
    a('ttpvhcc', 'Trung tâm Phục vụ hành chính công tỉnh Long An', 'TT PVHCC', 'centre', 'vp-ubnd-tinh'),
    // Công an tỉnh belongs to the Ministry of Public Security, not to the UBND: no parent here.
    a('cong-an-tinh', 'Công an tỉnh Long An', 'Công an tỉnh', 'police', null),
    a(
      'bch-pctt',
      'Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Long An',
      'BCH PCTT&TKCN',
      'other',
      p,
    ),
    a('ubmttq-tinh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Long An', 'UB MTTQ tỉnh', 'sociopolitical', null),
    a('hoi-nong-dan', 'Hội Nông dân tỉnh Long An', 'Hội Nông dân', 'sociopolitical', null),
    a('hoi-lhpn', 'Hội Liên hiệp Phụ nữ tỉnh Long An', 'Hội LHPN', 'sociopolitical', null),
    a('tinh-doan', 'Tỉnh Đoàn Long An', 'Tỉnh Đoàn', 'sociopolitical', null),
    a('hoi-ccb', 'Hội Cựu chiến binh tỉnh Long An', 'Hội CCB', 'sociopolitical', null),
    a('ldld-tinh', 'Liên đoàn Lao động tỉnh Long An', 'LĐLĐ tỉnh', 'sociopolitical', null),
    a('bao-long-an', 'Báo Long An', 'Báo Long An', 'press', null),
    a('dai-ptth', 'Đài Phát thanh và Truyền hình Long An', 'Đài PT-TH Long An', 'press', p),
    a('dien-luc', 'Công ty Điện lực Long An', 'PC Long An', 'utility', null),
    a('cap-nuoc', 'Công ty Cấp nước Long An', 'Cấp nước Long An', 'utility', null),
  ];
}

/** Tây Ninh from 1/7/2025: 2 levels, departments after the 2025 restructuring. */
function tayNinh2025(): Agency[] {
  const p = PROVINCE;
  return [
    { ...a(p, 'Ủy ban nhân dân tỉnh Tây Ninh', 'UBND tỉnh', 'province', null), unitCode: '80' },
    a('vp-ubnd-tinh', 'Văn phòng Ủy ban nhân dân tỉnh Tây Ninh', 'VP UBND tỉnh', 'department', p),
    a('so-khcn', 'Sở Khoa học và Công nghệ tỉnh Tây Ninh', 'Sở KH&CN', 'department', p),
    a('ioc', 'Trung tâm Điều hành thông minh tỉnh Tây Ninh', 'IOC Tây Ninh', 'centre', 'so-khcn'),
    a('so-xd', 'Sở Xây dựng tỉnh Tây Ninh', 'Sở Xây dựng', 'department', p),
    a('so-nnmt', 'Sở Nông nghiệp và Môi trường tỉnh Tây Ninh', 'Sở NN&MT', 'department', p),
    a('so-yt', 'Sở Y tế tỉnh Tây Ninh', 'Sở Y tế', 'department', p),
    a('so-gddt', 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', 'Sở GD-ĐT', 'department', p),
    a('so-vhttdl', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh', 'Sở VH-TT-DL', 'department', p),
    a('so-nv', 'Sở Nội vụ tỉnh Tây Ninh', 'Sở Nội vụ', 'department', p),
    a('so-ct', 'Sở Công Thương tỉnh Tây Ninh', 'Sở Công Thương', 'department', p),
    // Sở KH-ĐT was merged into Sở Tài chính in the 2025 restructuring.
    a('so-tc', 'Sở Tài chính tỉnh Tây Ninh', 'Sở Tài chính', 'department', p),
    a('so-tp', 'Sở Tư pháp tỉnh Tây Ninh', 'Sở Tư pháp', 'department', p),
    a('thanh-tra-tinh', 'Thanh tra tỉnh Tây Ninh', 'Thanh tra tỉnh', 'department', p),
    a('ttpvhcc', 'Trung tâm Phục vụ hành chính công tỉnh Tây Ninh', 'TT PVHCC', 'centre', 'vp-ubnd-tinh'),
    a('cong-an-tinh', 'Công an tỉnh Tây Ninh', 'Công an tỉnh', 'police', null),
    a('bch-pctt', 'Ban Chỉ huy Phòng thủ dân sự tỉnh Tây Ninh (PCTT&TKCN)', 'BCH PCTT&TKCN', 'other', p),
    // Since 2025 the socio-political organisations sit under the Fatherland Front.
    a(
      'ubmttq-tinh',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh',
      'UB MTTQ tỉnh',
      'sociopolitical',
      null,
    ),
    a('hoi-nong-dan', 'Hội Nông dân tỉnh Tây Ninh', 'Hội Nông dân', 'sociopolitical', 'ubmttq-tinh'),
    a('hoi-lhpn', 'Hội Liên hiệp Phụ nữ tỉnh Tây Ninh', 'Hội LHPN', 'sociopolitical', 'ubmttq-tinh'),
    a('tinh-doan', 'Tỉnh Đoàn Tây Ninh', 'Tỉnh Đoàn', 'sociopolitical', 'ubmttq-tinh'),
    a('hoi-ccb', 'Hội Cựu chiến binh tỉnh Tây Ninh', 'Hội CCB', 'sociopolitical', 'ubmttq-tinh'),
    a('ldld-tinh', 'Liên đoàn Lao động tỉnh Tây Ninh', 'LĐLĐ tỉnh', 'sociopolitical', 'ubmttq-tinh'),
    a('bao-ptth', 'Báo và Phát thanh, Truyền hình Tây Ninh', 'Báo và PT-TH Tây Ninh', 'press', p),
    a('dien-luc-tay-ninh', 'Công ty Điện lực Tây Ninh', 'PC Tây Ninh', 'utility', null),
    a('dien-luc-long-an', 'Công ty Điện lực Long An', 'PC Long An', 'utility', null),
    a('cap-nuoc', 'Công ty Cấp nước Tây Ninh', 'Cấp nước Tây Ninh', 'utility', null),
  ];
}

const FIXED: Record<string, () => Agency[]> = { 'long-an-2022': longAn2022, 'tay-ninh-2025': tayNinh2025 };

/** ASCII slug of a unit name: "Phường 5" → "phuong-5", "Xã Mỹ Yên" → "xa-my-yen". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds the full agency list of a profile from its fixed agencies and its units. */
export function buildAgencies(profile: string, units: UnitRow[]): Agency[] {
  const fixed = FIXED[profile];
  if (!fixed) throw new Error(`Không biết hồ sơ "${profile}" / unknown profile "${profile}"`);
  const agencies = fixed();
  const pcCode = new Map<string, string>();
  const byLevel = [...units].filter((u) => u.level > 1).sort((x, y) => x.level - y.level);
  const maxLevel = Math.max(...units.map((u) => u.level));
  for (const u of byLevel) {
    const isCommune = u.level === maxLevel;
    // Unit codes make the slug unique even when two communes share a name ("Phường 1" in many towns).
    const code = `ubnd-${slug(u.name)}-${u.code}`;
    // "Huyện Cần Giuộc" → "huyện Cần Giuộc", as written after "Ủy ban nhân dân".
    const unitName = u.name.startsWith(capitalise(u.type)) ? u.type + u.name.slice(u.type.length) : u.name;
    pcCode.set(u.code, code);
    const parent = u.parent_code ? (pcCode.get(u.parent_code) ?? PROVINCE) : PROVINCE;
    agencies.push({
      code,
      name: `Ủy ban nhân dân ${unitName}`,
      shortName: `UBND ${unitName}`,
      kind: isCommune ? 'commune_pc' : 'district_pc',
      parentCode: parent,
      unitCode: u.code,
    });
  }
  return agencies;
}

function main(): void {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(FIXED)) {
    const dir = path.join(PROFILES_DIR, name);
    const units = JSON.parse(readFileSync(path.join(dir, 'units.json'), 'utf8')) as UnitRow[];
    const agencies = buildAgencies(name, units);
    writeFileSync(path.join(dir, 'agencies.json'), JSON.stringify(agencies, null, 2) + '\n');
    console.log(`${name}: ${agencies.length} cơ quan / agencies`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
