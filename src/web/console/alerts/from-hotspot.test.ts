import { describe, expect, it } from 'vitest';
import { ALERT_TEMPLATES } from '../../../modules/alerts/alert-templates.js';
import { draftPrefill, TEMPLATE_FOR_CATEGORY } from './from-hotspot.js';

const TEMPLATES = ['storm', 'flood', 'epidemic', 'traffic', 'public_order', 'drought_salinity'];
const UNITS = ['80', '794', '795'];

describe('an alert draft from a hotspot', () => {
  it('picks the template of the category and the unit of the hotspot', () => {
    expect(draftPrefill('?category=thoat_nuoc_ngap&unit=795', TEMPLATES, UNITS)).toEqual({
      templateCode: 'flood',
      unitCodes: ['795'],
    });
    expect(draftPrefill('?category=an_toan_giao_thong&unit=794', TEMPLATES, UNITS).templateCode).toBe(
      'traffic',
    );
  });

  it('keeps the defaults for a category without an event, an unknown unit or no query', () => {
    expect(draftPrefill('?category=dat_dai&unit=999', TEMPLATES, UNITS)).toEqual({
      templateCode: null,
      unitCodes: [],
    });
    expect(draftPrefill('', TEMPLATES, UNITS)).toEqual({ templateCode: null, unitCodes: [] });
    // A template the province removed is not forced on the form.
    expect(draftPrefill('?category=thoat_nuoc_ngap', ['storm'], UNITS).templateCode).toBeNull();
  });

  it('maps only to templates the alerts module has', () => {
    const existing = ALERT_TEMPLATES.map((t) => t.code);
    for (const code of Object.values(TEMPLATE_FOR_CATEGORY)) expect(existing).toContain(code);
  });
});
