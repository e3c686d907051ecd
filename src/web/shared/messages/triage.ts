/** Texts of the triage screens, Vietnamese first; English must have the same keys. Keys start with 'triage.'. */
export const vi = {
  'triage.suggest.title': 'Gợi ý phân loại',
  'triage.suggest.confidence': '{p}%',
  'triage.suggest.agency': 'Cơ quan xử lý: {name}',
  'triage.suggest.noAgency': 'chưa xác định',
  'triage.suggest.current': 'Đang chọn',
  'triage.suggest.apply': 'Chọn lĩnh vực này',
  'triage.suggest.applyNamed': 'Chọn lĩnh vực {name}',
  'triage.suggest.model': 'Mô hình phiên bản {version}',
  'triage.suggest.corpusModel': 'Mô hình ban đầu (kho dữ liệu mẫu)',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'triage.suggest.title': 'Suggested categories',
  'triage.suggest.confidence': '{p}%',
  'triage.suggest.agency': 'Handled by: {name}',
  'triage.suggest.noAgency': 'not determined',
  'triage.suggest.current': 'Current',
  'triage.suggest.apply': 'Choose this category',
  'triage.suggest.applyNamed': 'Choose category {name}',
  'triage.suggest.model': 'Model version {version}',
  'triage.suggest.corpusModel': 'Initial model (sample corpus)',
};
