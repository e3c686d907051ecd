/**
 * An alert drafted from a triage hotspot (`/console/canh-bao/moi?category=…&unit=…`): which template
 * fits the report category, and the area to start from. Categories without a matching event get the
 * default template; the operator always reviews the draft before it is sent for approval.
 */
export const TEMPLATE_FOR_CATEGORY: Readonly<Record<string, string>> = {
  thoat_nuoc_ngap: 'flood',
  thien_tai: 'storm',
  y_te: 'epidemic',
  giao_thong_ha_tang: 'traffic',
  an_toan_giao_thong: 'traffic',
  an_ninh_trat_tu: 'public_order',
  nong_nghiep_thuy_loi: 'drought_salinity',
};

/** The template and unit asked for by the page's query, kept only when they exist. */
export function draftPrefill(
  search: string,
  templateCodes: readonly string[],
  unitCodes: readonly string[],
): { templateCode: string | null; unitCodes: string[] } {
  const q = new URLSearchParams(search);
  const wanted = TEMPLATE_FOR_CATEGORY[q.get('category') ?? ''] ?? null;
  const unit = q.get('unit');
  return {
    templateCode: wanted && templateCodes.includes(wanted) ? wanted : null,
    unitCodes: unit && unitCodes.includes(unit) ? [unit] : [],
  };
}
