import type { AlertTemplateView } from '../../contracts/alerts.js';

/**
 * Starting points per event type. The officer fills the place and details; the CAP classification
 * (category, urgency, severity, certainty, response) is pre-set and can be changed.
 */
export const ALERT_TEMPLATES: AlertTemplateView[] = [
  {
    code: 'storm',
    name: { vi: 'Bão, áp thấp nhiệt đới', en: 'Storm, tropical depression' },
    category: 'Met',
    responseType: 'Prepare',
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    hours: 48,
    vi: {
      event: 'Bão',
      headline: 'Cảnh báo bão ảnh hưởng trực tiếp đến địa phương',
      description:
        'Bão dự kiến ảnh hưởng trực tiếp đến khu vực trong 24–48 giờ tới, gió mạnh cấp 8–9, giật cấp 11, mưa rất to.',
      instruction:
        'Chằng chống nhà cửa, không ra khỏi nhà khi bão đổ bộ; tàu thuyền vào nơi tránh trú; theo dõi thông báo của chính quyền.',
    },
    en: {
      event: 'Storm',
      headline: 'Storm warning for the area',
      description:
        'A storm is expected to hit the area within 24–48 hours with strong winds (Beaufort 8–9, gusts 11) and very heavy rain.',
      instruction:
        'Secure your home, stay indoors when the storm arrives, boats return to shelter; follow official announcements.',
    },
  },
  {
    code: 'flood',
    name: { vi: 'Lũ, ngập lụt, triều cường', en: 'Flood, high tide' },
    category: 'Met',
    responseType: 'Evacuate',
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    hours: 24,
    vi: {
      event: 'Lũ, ngập lụt',
      headline: 'Cảnh báo ngập lụt, triều cường dâng cao',
      description:
        'Mực nước sông đang lên nhanh, nhiều tuyến đường và khu dân cư thấp trũng có nguy cơ ngập sâu.',
      instruction:
        'Di chuyển người già, trẻ em và tài sản lên nơi cao; không đi qua vùng nước chảy xiết; gọi 1022 hoặc 112 khi cần cứu hộ.',
    },
    en: {
      event: 'Flood',
      headline: 'Flood and high-tide warning',
      description: 'River levels are rising fast; low-lying roads and neighbourhoods may flood deeply.',
      instruction:
        'Move elderly people, children and belongings to higher ground; do not cross fast-flowing water; call 1022 or 112 for rescue.',
    },
  },
  {
    code: 'epidemic',
    name: { vi: 'Dịch bệnh', en: 'Epidemic' },
    category: 'Health',
    responseType: 'Prepare',
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Likely',
    hours: 168,
    vi: {
      event: 'Dịch bệnh',
      headline: 'Cảnh báo dịch sốt xuất huyết gia tăng',
      description: 'Số ca mắc sốt xuất huyết tăng nhanh trong tuần qua tại địa bàn.',
      instruction:
        'Diệt lăng quăng, loại bỏ vật chứa nước đọng, ngủ màn; đến cơ sở y tế ngay khi sốt cao liên tục.',
    },
    en: {
      event: 'Epidemic',
      headline: 'Dengue fever cases rising',
      description: 'Dengue fever cases have risen quickly in the area over the past week.',
      instruction:
        'Remove standing water, sleep under nets; see a doctor at once in case of persistent high fever.',
    },
  },
  {
    code: 'traffic',
    name: { vi: 'An toàn giao thông', en: 'Traffic safety' },
    category: 'Transport',
    responseType: 'Avoid',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    hours: 6,
    vi: {
      event: 'Sự cố giao thông',
      headline: 'Ùn tắc, tai nạn giao thông nghiêm trọng',
      description: 'Tuyến đường đang bị ùn tắc kéo dài do sự cố giao thông.',
      instruction:
        'Hạn chế lưu thông qua khu vực, đi đường khác và làm theo hướng dẫn của lực lượng chức năng.',
    },
    en: {
      event: 'Traffic incident',
      headline: 'Serious traffic incident and congestion',
      description: 'The road is congested because of a traffic incident.',
      instruction: 'Avoid the area, take another route and follow the instructions of the authorities.',
    },
  },
  {
    code: 'public_order',
    name: { vi: 'An ninh trật tự', en: 'Public order' },
    category: 'Security',
    responseType: 'Avoid',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Likely',
    hours: 12,
    vi: {
      event: 'An ninh trật tự',
      headline: 'Cảnh báo về an ninh trật tự tại khu vực',
      description: 'Lực lượng chức năng đang xử lý vụ việc phức tạp về an ninh trật tự.',
      instruction: 'Tránh xa khu vực, không tụ tập, không lan truyền thông tin chưa kiểm chứng.',
    },
    en: {
      event: 'Public order',
      headline: 'Public order warning',
      description: 'The authorities are handling a public order incident.',
      instruction: 'Stay away from the area, do not gather, do not spread unverified information.',
    },
  },
  {
    code: 'drought_salinity',
    name: { vi: 'Hạn hán, xâm nhập mặn', en: 'Drought, salt intrusion' },
    category: 'Env',
    responseType: 'Prepare',
    urgency: 'Future',
    severity: 'Moderate',
    certainty: 'Likely',
    hours: 240,
    vi: {
      event: 'Xâm nhập mặn',
      headline: 'Cảnh báo xâm nhập mặn trên các sông',
      description: 'Độ mặn trên các sông chính dự báo vượt ngưỡng 4‰, ảnh hưởng sản xuất nông nghiệp.',
      instruction: 'Trữ nước ngọt, không lấy nước sông tưới lúa, cây ăn trái khi độ mặn cao.',
    },
    en: {
      event: 'Salt intrusion',
      headline: 'Salt intrusion warning on rivers',
      description: 'Salinity on the main rivers is forecast above 4‰, affecting farming.',
      instruction:
        'Store fresh water; do not irrigate rice or orchards with river water while salinity is high.',
    },
  },
];

export function templateByCode(code: string): AlertTemplateView | undefined {
  return ALERT_TEMPLATES.find((t) => t.code === code);
}
