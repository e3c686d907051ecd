import { createHash, randomUUID } from 'node:crypto';
import { saveContentRequest, slugify, type SaveContentRequest } from '../../contracts/content.js';
import { appendAuditMany, SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import { newStorageKey } from '../../platform/storage/storage.js';
import type { Profile } from '../../platform/profile/profile.js';
import { principalOfUsername } from '../identity/index.js';
import type { ContentDeps } from './content-deps.js';
import { contentItems } from './content.schema.js';
import * as repo from './content.repository.js';
import { printablePdf } from './printable-pdf.js';

/**
 * Demo content of the digital-transformation portal, written for this project from the Department's
 * letter on promoting the province's digital products (June 2022; /work/shared/seed): the letter and the two
 * plans it names as document records, news, guides, the seven promotion materials it lists, and a
 * directory of digital services, dated when they would have appeared. Each promotion material and document
 * also gets its text as a printable PDF in the media library (the file a visitor downloads). Idempotent:
 * items whose address already exists are skipped.
 */

type Seed = Omit<SaveContentRequest, 'fields' | 'mediaIds' | 'summary' | 'body'> & {
  summary?: string;
  body?: string;
  fields?: SaveContentRequest['fields'];
  /** When it appeared on the portal (backdated after publishing). */
  date: string;
};

function items(profile: Profile, publicUrl: string): Seed[] {
  const app = profile.brand.appName;
  const hotline = profile.brand.hotlineName;
  const phone = profile.brand.hotline;
  const mailbox = profile.brand.mailbox;
  const portalHost = profile.brand.portalHost;
  const province = profile.province.shortName;
  const provinceName = profile.province.name;
  const department = profile.brand.departmentName;
  const cdsHost = profile.brand.contentPortalHost;
  const appUrl = `${publicUrl.replace(/\/+$/, '')}/app/`;
  return [
    // --- Directive documents -------------------------------------------------------------------------
    {
      type: 'document',
      category: 'ke-hoach',
      title: `Kế hoạch tuyên truyền về chuyển đổi số, phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm 2022`,
      summary: `Kế hoạch số 310/KH-UBND ngày 27/01/2022 của UBND tỉnh về tuyên truyền chuyển đổi số, phát triển chính quyền số và bảo đảm an toàn thông tin mạng trên địa bàn ${provinceName} năm 2022.`,
      body: `Kế hoạch của Ủy ban nhân dân tỉnh định hướng công tác tuyên truyền về chuyển đổi số trong năm 2022: nâng cao nhận thức của cán bộ, công chức, viên chức, người dân và doanh nghiệp về chuyển đổi số; giới thiệu các dịch vụ số của tỉnh; phổ biến kiến thức bảo đảm an toàn thông tin mạng.

## Các sản phẩm được tuyên truyền theo kế hoạch

- Nền tảng công dân số **${app}**;
- **${hotline}** tiếp nhận phản ánh, kiến nghị qua cổng thông tin, điện thoại, ứng dụng và thư điện tử;
- Trang thông tin chuyển đổi số của tỉnh (${cdsHost}).

Sở Thông tin và Truyền thông hướng dẫn các cơ quan, đơn vị, địa phương triển khai kế hoạch (xem công văn hướng dẫn tuyên truyền tháng 6/2022 trong mục Văn bản chỉ đạo).`,
      fields: {
        document: {
          number: '310/KH-UBND',
          issuedOn: '2022-01-27',
          issuer: `UBND ${provinceName.replace(/^Tỉnh/, 'tỉnh')}`,
        },
      },
      date: '2022-01-28T08:00:00+07:00',
    },
    {
      type: 'document',
      category: 'ke-hoach',
      title:
        'Kế hoạch thực hiện Đề án “Nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”',
      summary: `Kế hoạch số 881/KH-UBND ngày 22/3/2022 của UBND tỉnh thực hiện Đề án nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số trên địa bàn ${provinceName}.`,
      body: `Kế hoạch triển khai trên địa bàn tỉnh Đề án quốc gia về nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số đến năm 2025, định hướng đến năm 2030.

## Trọng tâm

- Phổ cập kỹ năng số cho người dân thông qua các **Tổ công nghệ số cộng đồng** ở xã, phường, thị trấn;
- Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức;
- Hướng dẫn người dân cài đặt, sử dụng ${app} và dịch vụ công trực tuyến.`,
      fields: {
        document: {
          number: '881/KH-UBND',
          issuedOn: '2022-03-22',
          issuer: `UBND ${provinceName.replace(/^Tỉnh/, 'tỉnh')}`,
        },
      },
      date: '2022-03-23T08:00:00+07:00',
    },
    {
      type: 'document',
      category: 'cong-van',
      title:
        'Hướng dẫn tuyên truyền sử dụng các sản phẩm chuyển đổi số và dịch vụ đô thị thông minh của tỉnh',
      summary: `Công văn của ${department} (tháng 6/2022) hướng dẫn các sở, ngành, địa phương tuyên truyền ${app}, ${hotline} và Trang thông tin chuyển đổi số.`,
      body: `Sở Thông tin và Truyền thông đã tham mưu UBND tỉnh xây dựng cơ bản hoàn thành Nền tảng công dân số “${app}”, các kênh tương tác tiếp nhận phản ánh, kiến nghị của người dân, doanh nghiệp trên môi trường số (${hotline}) và Trang thông tin chuyển đổi số tỉnh (${cdsHost}). Công văn đề nghị các cơ quan, đơn vị, địa phương tập trung tuyên truyền, phổ biến, hướng dẫn sử dụng các sản phẩm trên, gắn với Kế hoạch số 310/KH-UBND ngày 27/01/2022 và Kế hoạch số 881/KH-UBND ngày 22/3/2022 của UBND tỉnh.

## 1. Nền tảng công dân số “${app}”

Kênh tương tác hai chiều trên thiết bị di động giữa người dân, doanh nghiệp với chính quyền: dịch vụ số về y tế, giáo dục, giao thông; cập nhật tình hình kinh tế - xã hội, an ninh trật tự; gửi phản ánh, kiến nghị; nhận cảnh báo về an ninh trật tự, an toàn giao thông, dịch bệnh, thiên tai.

- Các cơ quan giới thiệu ${app} trong sinh hoạt tập thể, chào cờ hằng tuần; phát tờ gấp hướng dẫn cài đặt đến từng cán bộ.
- UBND cấp huyện in tờ gấp, treo phướn trên các tuyến đường chính; đài truyền thanh xây dựng chuyên mục “Chuyện đời số”, phát tối thiểu **02 lần/tuần**; Tổ công nghệ số cộng đồng hướng dẫn từng hộ gia đình cài đặt.
- Mục tiêu: đến ngày 30/8/2022 có trên **80%** người dùng điện thoại thông minh cài đặt ${app}.

## 2. ${hotline}

Tiếp nhận phản ánh, kiến nghị về hạ tầng kỹ thuật đô thị, kinh tế - xã hội, dịch vụ công, an ninh trật tự đô thị, chính sách ưu đãi đầu tư qua: cổng thông tin ${portalHost}, điện thoại ${phone}, ứng dụng ${app}, thư điện tử ${mailbox}. Trung tâm Điều hành thông minh tiếp nhận và chuyển đến cơ quan có thẩm quyền xử lý, trả lời người dân.

## 3. Thúc đẩy chuyển đổi số

Giới thiệu Trang thông tin chuyển đổi số; triển khai khẩu hiệu tại nơi công cộng; tập trung hướng dẫn sử dụng dịch vụ công trực tuyến. Định kỳ hằng quý, các cơ quan báo cáo tình hình triển khai về Sở Thông tin và Truyền thông.

Bảy tài liệu tuyên truyền kèm theo công văn được đăng tại mục **Tài liệu tuyên truyền**.`,
      fields: { document: { number: 'STTTT-CNTT (6/2022)', issuedOn: '2022-06-15', issuer: department } },
      date: '2022-06-16T08:00:00+07:00',
    },

    // --- News ------------------------------------------------------------------------------------------
    {
      type: 'article',
      category: 'chuyen-doi-so',
      title: `Ra mắt Nền tảng công dân số “${app}”`,
      summary: `Người dân, doanh nghiệp ${province} có thêm kênh tương tác hai chiều với chính quyền ngay trên điện thoại.`,
      body: `Nền tảng công dân số **${app}** đưa các dịch vụ số của tỉnh về y tế, giáo dục, giao thông đến từng người dân. Trên ứng dụng, người dân cập nhật tin tức kinh tế - xã hội, an ninh trật tự; gửi phản ánh, kiến nghị kèm hình ảnh và vị trí; nhận cảnh báo khi có thiên tai, dịch bệnh hoặc sự cố giao thông.

## Cài đặt thế nào?

1. Tìm “${app}” trên App Store hoặc Google Play, hoặc mở ${appUrl} trên trình duyệt.
2. Đăng nhập bằng số điện thoại và mã xác thực (OTP) gửi qua tin nhắn.
3. Chọn xã, phường nơi mình sống để nhận thông tin sát với địa phương.

Các Tổ công nghệ số cộng đồng ở xã, phường sẵn sàng hướng dẫn người dân cài đặt tại nhà.`,
      date: '2022-06-20T09:00:00+07:00',
    },
    {
      type: 'article',
      category: 'chuyen-doi-so',
      title: `${hotline}: một đầu mối cho mọi phản ánh, kiến nghị`,
      summary: `Gọi ${phone}, gửi qua ${app}, cổng ${portalHost} hoặc thư điện tử ${mailbox}: phản ánh được chuyển thẳng đến cơ quan xử lý.`,
      body: `Mọi phản ánh gửi ${hotline} đều được Trung tâm Điều hành thông minh của tỉnh tiếp nhận, phân loại và chuyển đến cơ quan có thẩm quyền. Người gửi nhận **mã tra cứu** để theo dõi tiến độ và đánh giá kết quả xử lý.

- Điện thoại: **${phone}**
- Cổng thông tin: ${portalHost}
- Ứng dụng: ${app}
- Thư điện tử: ${mailbox}

Thông tin cá nhân của người phản ánh được giữ kín; chỉ nội dung và kết quả trả lời được công khai khi phù hợp.`,
      date: '2022-06-22T09:00:00+07:00',
    },
    {
      type: 'article',
      category: 'kinh-te-xa-hoi',
      title: 'Mùa mưa: báo điểm ngập nước qua Tổng đài 1022 để được xử lý sớm',
      summary: 'Người dân chụp ảnh, ghi vị trí điểm ngập nước, cống nghẹt và gửi qua ứng dụng hoặc gọi 1022.',
      body: `Vào mùa mưa, nhiều tuyến đường nội ô có thể ngập nước cục bộ do cống thoát nước bị nghẹt rác. Khi phát hiện điểm ngập, người dân nên:

- Chụp ảnh rõ điểm ngập, nắp cống bị nghẹt;
- Bật định vị để phản ánh có vị trí chính xác;
- Gửi qua ứng dụng ${app} hoặc gọi **${phone}**.

Phản ánh về ngập nước, thoát nước được chuyển đến UBND cấp huyện và đơn vị quản lý hạ tầng đô thị để khơi thông trong thời gian sớm nhất. Người dân theo dõi kết quả bằng mã tra cứu.`,
      date: '2022-08-10T07:30:00+07:00',
    },
    {
      type: 'article',
      category: 'an-ninh-trat-tu',
      title: 'Cảnh giác với cuộc gọi giả danh cơ quan nhà nước đề nghị cung cấp mã OTP',
      summary: 'Cơ quan nhà nước không bao giờ yêu cầu người dân đọc mã OTP hay chuyển tiền qua điện thoại.',
      body: `Thời gian gần đây xuất hiện các cuộc gọi giả danh cán bộ công an, cán bộ ngân hàng, nhân viên nhà mạng đề nghị người dân “cập nhật thông tin”, đọc mã OTP hoặc cài ứng dụng lạ.

## Người dân cần nhớ

- **Không** đọc mã OTP cho bất kỳ ai, kể cả người xưng là cán bộ;
- **Không** bấm vào đường dẫn lạ gửi qua tin nhắn, mạng xã hội;
- Chỉ cài ứng dụng ${app}, VNeID từ App Store, Google Play;
- Khi nghi ngờ lừa đảo, gọi **${phone}** hoặc báo công an xã, phường nơi gần nhất.`,
      date: '2022-09-05T08:00:00+07:00',
    },
    {
      type: 'article',
      category: 'chuyen-doi-so',
      title: 'Chuyên mục “Chuyện đời số” lên sóng đài truyền thanh cấp huyện, cấp xã',
      summary:
        'Bản tin, câu chuyện xóm làng giới thiệu Long An Số và Tổng đài 1022 được phát ít nhất hai lần mỗi tuần.',
      body: `Thực hiện hướng dẫn của ${department}, các Trung tâm Văn hóa thông tin và Truyền thanh cấp huyện xây dựng chuyên mục **“Chuyện đời số”**: bản tin ngắn, câu chuyện xóm làng giới thiệu ${app} và ${hotline}, phát trên đài truyền thanh cấp huyện, cấp xã tối thiểu 02 lần/tuần.

Kịch bản tuyên truyền mẫu được đăng tại mục Tài liệu tuyên truyền để các đài sử dụng.`,
      date: '2022-07-01T08:00:00+07:00',
    },

    // --- Guides ----------------------------------------------------------------------------------------
    {
      type: 'guide',
      category: 'ung-dung',
      title: `Hướng dẫn cài đặt và đăng nhập ứng dụng ${app}`,
      summary: 'Ba bước cài đặt, đăng nhập bằng số điện thoại và gửi phản ánh đầu tiên.',
      body: `## Bước 1: Cài đặt

Mở App Store (iPhone) hoặc Google Play (Android), tìm “${app}” và bấm **Cài đặt**. Có thể dùng ngay trên trình duyệt tại ${appUrl}.

## Bước 2: Đăng nhập

Nhập số điện thoại, bấm **Nhận mã**, nhập mã 6 số trong tin nhắn. Không chia sẻ mã này cho bất kỳ ai.

## Bước 3: Gửi phản ánh

Chọn **Gửi phản ánh**, chọn lĩnh vực, mô tả ngắn gọn, chụp ảnh, xác nhận vị trí rồi bấm **Gửi**. Ghi lại mã tra cứu để theo dõi kết quả.`,
      date: '2022-06-21T08:00:00+07:00',
    },
    {
      type: 'guide',
      category: 'dich-vu-cong',
      title: 'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia',
      summary:
        'Đăng nhập bằng tài khoản định danh điện tử VNeID, chọn thủ tục, nộp hồ sơ và thanh toán phí trực tuyến.',
      body: `1. Truy cập https://dichvucong.gov.vn, chọn **Đăng nhập** bằng tài khoản định danh điện tử (VNeID).
2. Tìm thủ tục cần làm theo tên, chọn cơ quan thực hiện là cơ quan của ${provinceName}.
3. Điền tờ khai, đính kèm giấy tờ (ảnh chụp hoặc bản điện tử), bấm **Nộp hồ sơ**.
4. Thanh toán phí, lệ phí trực tuyến nếu có; theo dõi trạng thái hồ sơ tại mục **Quản lý hồ sơ**.
5. Nhận kết quả bản điện tử hoặc tại bộ phận một cửa theo lựa chọn.

Cần hỗ trợ? Liên hệ Tổ công nghệ số cộng đồng tại xã, phường hoặc gọi ${phone}.`,
      date: '2022-07-15T08:00:00+07:00',
    },

    // --- The seven promotion materials named in the letter ---------------------------------------------
    {
      type: 'material',
      category: 'to-gap',
      title: `(1) Tờ gấp hướng dẫn cài đặt ứng dụng ${app}`,
      summary: 'Nội dung tờ gấp khổ A4 gấp ba: lợi ích, ba bước cài đặt, các kênh hỗ trợ.',
      body: `## Mặt ngoài

**${app.toUpperCase()} — CHÍNH QUYỀN TRONG TẦM TAY**

Ứng dụng của ${provinceName} dành cho người dân, doanh nghiệp.

## Mặt trong

**Lợi ích**

- Gửi phản ánh, kiến nghị kèm hình ảnh, vị trí;
- Nhận cảnh báo thiên tai, dịch bệnh, an ninh trật tự;
- Tin tức, dịch vụ số về y tế, giáo dục, giao thông.

**Ba bước cài đặt**

1. Tìm “${app}” trên App Store hoặc Google Play;
2. Đăng nhập bằng số điện thoại, nhập mã OTP;
3. Chọn xã, phường nơi ở.

**Cần hỗ trợ?** Tổ công nghệ số cộng đồng tại xã, phường — Tổng đài ${phone}.`,
      date: '2022-06-16T09:00:00+07:00',
    },
    {
      type: 'material',
      category: 'phuon',
      title: `(2) Phướn tuyên truyền ứng dụng ${app}`,
      summary: 'Nội dung phướn treo đường phố (khổ 0,8 m × 2,5 m).',
      body: `- **${app.toUpperCase()} — KẾT NỐI NGƯỜI DÂN VỚI CHÍNH QUYỀN**
- **CÀI ĐẶT ${app.toUpperCase()} — NHẬN THÔNG TIN, GỬI PHẢN ÁNH MỌI LÚC, MỌI NƠI**

Nền đỏ, chữ vàng; logo tỉnh ở đầu phướn; mã QR tải ứng dụng ở cuối phướn.`,
      date: '2022-06-16T09:05:00+07:00',
    },
    {
      type: 'material',
      category: 'kich-ban',
      title: `(3) Kịch bản tuyên truyền ứng dụng ${app} trên loa truyền thanh`,
      summary: 'Bài phát thanh khoảng 3 phút cho đài truyền thanh cấp huyện, cấp xã.',
      body: `**Phát thanh viên:** Kính thưa bà con! ${provinceName} vừa đưa vào sử dụng Nền tảng công dân số “${app}”. Đây là ứng dụng trên điện thoại giúp bà con kết nối trực tiếp với chính quyền.

**Phát thanh viên:** Với ${app}, bà con có thể gửi phản ánh về đường hư, đèn đường tắt, rác thải, ngập nước… chỉ bằng vài thao tác: chụp ảnh, ghi nội dung, bấm gửi. Chính quyền sẽ tiếp nhận, xử lý và trả lời ngay trên ứng dụng.

**Phát thanh viên:** Ứng dụng còn gửi đến bà con các cảnh báo về bão lũ, dịch bệnh, an ninh trật tự; tin tức của tỉnh và các dịch vụ số về y tế, giáo dục, giao thông.

**Phát thanh viên:** Cách cài đặt rất đơn giản: vào App Store hoặc Google Play, tìm “${app}”, đăng nhập bằng số điện thoại. Nếu cần giúp đỡ, bà con liên hệ Tổ công nghệ số cộng đồng ở ấp, khu phố hoặc gọi Tổng đài ${phone}.

**Phát thanh viên:** ${app} — chính quyền trong tầm tay! Kính chúc bà con sức khỏe.`,
      date: '2022-06-16T09:10:00+07:00',
    },
    {
      type: 'material',
      category: 'phuon',
      title: `(4) Phướn tuyên truyền ${hotline}`,
      summary: 'Nội dung phướn treo đường phố về Tổng đài 1022.',
      body: `- **GỌI ${phone} — LẮNG NGHE ĐỂ PHỤC VỤ**
- **${hotline.toUpperCase()}: PHẢN ÁNH, KIẾN NGHỊ CỦA NGƯỜI DÂN, DOANH NGHIỆP**
- **${portalHost} — ${mailbox}**`,
      date: '2022-06-16T09:15:00+07:00',
    },
    {
      type: 'material',
      category: 'kich-ban',
      title: `(5) Kịch bản tuyên truyền ${hotline} trên loa truyền thanh`,
      summary: 'Bài phát thanh khoảng 2 phút giới thiệu bốn kênh của Tổng đài 1022.',
      body: `**Phát thanh viên:** Kính thưa bà con! Khi thấy đường sá hư hỏng, đèn chiếu sáng không hoạt động, rác thải tồn đọng, hay cần hỏi về thủ tục, chính sách, bà con hãy liên hệ ${hotline}.

**Phát thanh viên:** Bà con có bốn cách: gọi điện thoại số ${phone}; gửi qua ứng dụng ${app}; vào cổng thông tin ${portalHost}; hoặc gửi thư điện tử đến ${mailbox}.

**Phát thanh viên:** Mỗi phản ánh có mã tra cứu để bà con theo dõi kết quả. ${hotline} — lắng nghe để phục vụ!`,
      date: '2022-06-16T09:20:00+07:00',
    },
    {
      type: 'material',
      category: 'khau-hieu',
      title: '(6) Các khẩu hiệu tuyên truyền thúc đẩy chuyển đổi số',
      summary: 'Khẩu hiệu dùng cho pa-nô, băng rôn tại nơi công cộng và các tuyến đường.',
      body: `- Chuyển đổi số — vì một ${provinceName.replace(/^Tỉnh/, 'tỉnh')} văn minh, hiện đại!
- Chuyển đổi số là cơ hội để phát triển, không ai bị bỏ lại phía sau!
- Người dân là trung tâm của chuyển đổi số!
- Mỗi người dân một danh tính số, mỗi hộ gia đình một công dân số!
- Dùng dịch vụ công trực tuyến — nhanh hơn, tiện hơn, tiết kiệm hơn!
- Tổ công nghệ số cộng đồng — đến từng ngõ, gõ từng nhà!`,
      date: '2022-06-16T09:25:00+07:00',
    },
    {
      type: 'material',
      category: 'ap-phich',
      title: '(7) Áp phích hướng dẫn sử dụng dịch vụ công trực tuyến',
      summary: 'Áp phích khổ A3 đặt tại bộ phận một cửa, nơi giao dịch với người dân.',
      body: `**NỘP HỒ SƠ TRỰC TUYẾN — KHÔNG CẦN ĐẾN CƠ QUAN**

1. Vào **dichvucong.gov.vn** và đăng nhập bằng tài khoản VNeID;
2. Chọn thủ tục, điền tờ khai, đính kèm giấy tờ;
3. Thanh toán phí trực tuyến;
4. Theo dõi hồ sơ và nhận kết quả.

Cần giúp? Hỏi cán bộ tại quầy, Tổ công nghệ số cộng đồng, hoặc gọi **${phone}**.`,
      date: '2022-06-16T09:30:00+07:00',
    },

    // --- Digital services directory --------------------------------------------------------------------
    svc(
      'hanh-chinh',
      'Cổng Dịch vụ công quốc gia',
      'https://dichvucong.gov.vn',
      'full',
      'Văn phòng Chính phủ',
      'Nộp hồ sơ, thanh toán phí và nhận kết quả thủ tục hành chính trực tuyến.',
      'Đăng nhập bằng tài khoản định danh điện tử VNeID mức 2, chọn thủ tục và nộp hồ sơ.',
    ),
    svc(
      'hanh-chinh',
      `Hệ thống thông tin giải quyết thủ tục hành chính ${provinceName.replace(/^Tỉnh/, 'tỉnh')}`,
      `https://dichvucong.${cdsHost.replace(/^chuyendoiso\./, '')}`,
      'full',
      'Trung tâm Phục vụ hành chính công tỉnh',
      'Tra cứu thủ tục, nộp và theo dõi hồ sơ tại các cơ quan của tỉnh.',
      'Tìm thủ tục theo tên hoặc cơ quan, nộp hồ sơ trực tuyến, tra cứu tiến độ bằng mã hồ sơ.',
    ),
    svc(
      'hanh-chinh',
      'Ứng dụng định danh điện tử VNeID',
      'https://vneid.gov.vn',
      'info',
      'Bộ Công an',
      'Căn cước điện tử, tích hợp giấy tờ (giấy phép lái xe, thẻ bảo hiểm y tế), đăng nhập dịch vụ công.',
      'Tải VNeID từ App Store hoặc Google Play; kích hoạt tài khoản mức 2 tại công an xã, phường.',
    ),
    svc(
      'hanh-chinh',
      `Ứng dụng ${app} và ${hotline}`,
      appUrl,
      'info',
      department,
      'Gửi phản ánh, kiến nghị; nhận cảnh báo; tin tức và dịch vụ số của tỉnh.',
      `Đăng nhập bằng số điện thoại; chọn “Gửi phản ánh”; theo dõi kết quả bằng mã tra cứu. Hoặc gọi ${phone}.`,
    ),
    svc(
      'y-te',
      'Sổ sức khỏe điện tử',
      'https://vneid.gov.vn',
      'info',
      'Bộ Y tế',
      'Xem lịch sử khám chữa bệnh, tiêm chủng, kết quả xét nghiệm trên ứng dụng VNeID.',
      'Mở VNeID, chọn “Sổ sức khỏe điện tử”, đồng ý chia sẻ dữ liệu để xem thông tin.',
    ),
    svc(
      'y-te',
      'Khám chữa bệnh bảo hiểm y tế bằng căn cước công dân gắn chip',
      'https://baohiemxahoi.gov.vn',
      'info',
      'Bảo hiểm xã hội Việt Nam',
      'Dùng căn cước công dân gắn chip hoặc VNeID thay thẻ bảo hiểm y tế giấy khi đi khám.',
      'Xuất trình căn cước gắn chip hoặc ảnh thẻ BHYT trên VNeID tại quầy tiếp đón của cơ sở khám chữa bệnh.',
    ),
    svc(
      'giao-duc',
      'Tuyển sinh đầu cấp trực tuyến',
      `https://dichvucong.gov.vn`,
      'partial',
      'Sở Giáo dục và Đào tạo',
      'Đăng ký tuyển sinh lớp 1, lớp 6, lớp 10 trực tuyến theo hướng dẫn hằng năm của ngành giáo dục.',
      'Theo thông báo tuyển sinh của trường; đăng ký trực tuyến rồi nộp bản chính hồ sơ khi trường yêu cầu.',
    ),
    svc(
      'giao-duc',
      'Thanh toán học phí không dùng tiền mặt',
      'https://dichvucong.gov.vn',
      'partial',
      'Sở Giáo dục và Đào tạo',
      'Nộp học phí, các khoản thu của nhà trường qua ngân hàng, ví điện tử.',
      'Dùng mã học sinh do nhà trường cung cấp để thanh toán trong ứng dụng ngân hàng.',
    ),
    svc(
      'giao-thong',
      'Tra cứu phương tiện vi phạm giao thông qua hình ảnh',
      'https://www.csgt.vn',
      'info',
      'Cục Cảnh sát giao thông',
      'Tra cứu lỗi vi phạm ghi nhận qua camera (phạt nguội) theo biển số xe.',
      'Nhập biển số, chọn loại phương tiện và mã xác nhận để xem kết quả.',
    ),
    svc(
      'giao-thong',
      'Cấp đổi giấy phép lái xe trực tuyến',
      'https://dichvucong.gov.vn',
      'full',
      'Sở Giao thông vận tải',
      'Đổi giấy phép lái xe do ngành giao thông cấp, nhận kết quả qua bưu điện.',
      'Đăng nhập Cổng Dịch vụ công bằng VNeID, chọn thủ tục đổi giấy phép lái xe, khai báo và thanh toán lệ phí.',
    ),
    svc(
      'thanh-toan',
      'Nộp thuế điện tử (eTax Mobile)',
      'https://thuedientu.gdt.gov.vn',
      'full',
      'Tổng cục Thuế',
      'Nộp thuế, lệ phí trước bạ, thuế đất cho cá nhân trên điện thoại.',
      'Tải eTax Mobile, đăng nhập bằng mã số thuế, chọn khoản cần nộp và thanh toán qua ngân hàng.',
    ),
    svc(
      'an-sinh',
      'Ứng dụng VssID — Bảo hiểm xã hội số',
      'https://baohiemxahoi.gov.vn',
      'info',
      'Bảo hiểm xã hội Việt Nam',
      'Tra cứu quá trình đóng bảo hiểm xã hội, thẻ bảo hiểm y tế điện tử.',
      'Tải VssID, đăng ký tài khoản với mã số BHXH, nhận mật khẩu qua tin nhắn.',
    ),
    svc(
      'nong-nghiep',
      'Sàn thương mại điện tử cho nông sản địa phương',
      'https://postmart.vn',
      'info',
      'Bưu điện tỉnh',
      'Đưa sản phẩm OCOP, nông sản của hộ nông dân lên sàn thương mại điện tử.',
      'Liên hệ Bưu điện huyện hoặc Tổ công nghệ số cộng đồng để được hỗ trợ mở gian hàng.',
    ),
  ];
}

function svc(
  category: string,
  title: string,
  url: string,
  onlineLevel: 'full' | 'partial' | 'info',
  provider: string,
  summary: string,
  howTo: string,
): Seed {
  return {
    type: 'service',
    category,
    title,
    summary,
    body: '',
    fields: { service: { url, onlineLevel, provider, howTo } },
    date: '2022-06-18T08:00:00+07:00',
  };
}

/**
 * Writes the demo items in one transaction as published by the editor and approved by the Department
 * (one version and one audit row each): fast enough to run for every test database. The workflow itself
 * is exercised by the tests and the browser journey.
 */
export async function seedDemoContent(deps: ContentDeps & { profile: Profile }): Promise<number> {
  const db = deps.database.db;
  const editor = await principalOfUsername(db, 'bientap');
  const approver = await principalOfUsername(db, 'so');
  if (!editor || !approver) return 0;
  const existing = new Set(
    (await db.select({ type: contentItems.type, slug: contentItems.slug }).from(contentItems)).map(
      (r) => `${r.type}/${r.slug}`,
    ),
  );
  const seeds = items(deps.profile, deps.config.publicUrl)
    .map(({ date, ...rest }) => ({
      date,
      input: saveContentRequest.parse({ ...rest, fields: rest.fields ?? {} }),
    }))
    .filter(({ input }) => !existing.has(`${input.type}/${slugify(input.title)}`));
  if (seeds.length === 0) return 0;
  const actor = { ...SYSTEM_ACTOR, id: editor.userId, label: `${editor.label} (seed)` };
  // Files first (written before the rows that name them, as an upload is).
  const files = new Map<string, { id: string; fileName: string; data: Buffer; storageKey: string }>();
  for (const { date, input } of seeds) {
    if (input.type !== 'material' && input.type !== 'document') continue;
    const data = await printablePdf({
      title: input.title,
      body: input.body,
      source: deps.profile.brand.portalHost,
    });
    const id = randomUUID();
    const storageKey = newStorageKey('pdf', new Date(date), id);
    await deps.storage.put(storageKey, data);
    files.set(`${input.type}/${slugify(input.title)}`, {
      id,
      fileName: `${slugify(input.title)}.pdf`,
      data,
      storageKey,
    });
  }
  await db.transaction(async (tx) => {
    const audit: Parameters<typeof appendAuditMany>[1] = [];
    for (const { date, input } of seeds) {
      const at = new Date(date);
      const doc = input.fields.document;
      const file = files.get(`${input.type}/${slugify(input.title)}`);
      if (file)
        await repo.insertMedia(tx, {
          id: file.id,
          kind: 'document',
          fileName: file.fileName,
          title: input.title.slice(0, 200),
          mimeType: 'application/pdf',
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          storageKey: file.storageKey,
          thumbnailKey: null,
          width: null,
          height: null,
          uploadedBy: editor.userId,
          createdAt: at,
        });
      const mediaIds = file ? [file.id] : [];
      const row = await repo.insertItem(tx, {
        type: input.type,
        slug: slugify(input.title),
        status: 'published',
        title: input.title,
        summary: input.summary,
        body: input.body,
        category: input.category,
        fields: input.fields,
        docNumber: doc?.number ?? null,
        issuedOn: doc?.issuedOn ?? null,
        issuer: doc?.issuer ?? null,
        mediaIds,
        authorId: editor.userId,
        submittedBy: editor.userId,
        approvedBy: approver.userId,
        publishAt: at,
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await repo.insertVersion(tx, {
        itemId: row.id,
        version: 1,
        status: 'published',
        snapshot: {
          slug: row.slug,
          title: row.title,
          summary: row.summary,
          body: row.body,
          category: row.category,
          fields: row.fields,
          mediaIds,
          coverMediaId: null,
          publishAt: at.toISOString(),
          unpublishAt: null,
        },
        savedAt: at,
        savedBy: editor.userId,
        savedByLabel: editor.label,
        note: 'demo seed',
      });
      audit.push({
        actor,
        entry: {
          action: 'content.seeded',
          entityType: 'content_item',
          entityId: row.id,
          summary: { type: row.type, slug: row.slug, approvedBy: approver.label },
        },
      });
    }
    await appendAuditMany(tx, audit);
  });
  return seeds.length;
}
