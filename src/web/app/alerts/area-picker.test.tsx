import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AreaPicker, NO_AREA, type UnitItem } from './area-picker.js';

const province: UnitItem = { code: '80', name: 'Long An', level: 1, parentCode: null };
const labels = (html: string) => [...html.matchAll(/<label[^>]*>([^<]*)</g)].map((m) => m[1]);
const render = (units: UnitItem[], district = '') =>
  renderToStaticMarkup(
    <AreaPicker units={units} value={{ ...NO_AREA, district }} onChange={() => undefined} />,
  );

describe('AreaPicker', () => {
  it('asks for a district, then a commune of it, on a three-level profile', () => {
    const units: UnitItem[] = [
      province,
      { code: '794', name: 'Thành phố Tân An', level: 2, parentCode: '80' },
      { code: '27694', name: 'Phường 2', level: 3, parentCode: '794' },
    ];
    expect(labels(render(units))).toEqual(['Huyện, thị xã, thành phố']);
    const chosen = render(units, '794');
    expect(labels(chosen)).toEqual(['Huyện, thị xã, thành phố', 'Xã, phường, thị trấn (không bắt buộc)']);
    expect(chosen).toContain('Phường 2');
  });

  it('names the one list "communes" on a two-level profile (communes directly under the province)', () => {
    const units: UnitItem[] = [
      { code: '72', name: 'Tây Ninh', level: 1, parentCode: null },
      { code: '25480', name: 'Phường Tân Ninh', level: 2, parentCode: '72' },
    ];
    const html = render(units, '25480');
    expect(labels(html)).toEqual(['Xã, phường, thị trấn']);
    expect(html).toContain('Phường Tân Ninh');
  });
});
