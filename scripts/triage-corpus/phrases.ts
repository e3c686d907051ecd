/**
 * Hand-written phrase pools for the triage training corpus (written for the Tỉnh Số project,
 * CC0-1.0 — see profiles/long-an-2022/SOURCES.md). Each category has problems: title variants and
 * body cores with slots ({place}, {road}, {n}, {hour}, {days}); details and requests specific to
 * the category. Shared openers and closers live in generate-triage-corpus.ts.
 */
export interface Problem {
  titles: string[];
  cores: string[];
}

export interface CategoryPhrases {
  problems: Problem[];
  details: string[];
  asks: string[];
}

export const PHRASES: Record<string, CategoryPhrases> = {
  giao_thong_ha_tang: {
    problems: [
      {
        titles: ['Ổ gà lớn trên {road}', 'Đường có ổ gà nguy hiểm', 'ổ voi giữa đường', 'Mặt đường bị ổ gà'],
        cores: [
          'Trên {road} đoạn qua {place} có một ổ gà rất lớn, sâu khoảng {n}cm',
          'Mặt đường {road} gần {place} xuất hiện nhiều ổ gà, ổ voi nối tiếp nhau',
          'Ổ gà giữa đường {road} chỗ {place} ngày càng to, mưa xuống đọng nước không thấy',
        ],
      },
      {
        titles: ['Đường bị sụt lún', 'Sụt lún mặt đường', 'Đường bê tông bị sụt', 'lún đường ven kênh'],
        cores: [
          'Đoạn đường bê tông ở {place} bị sụt lún một khúc dài khoảng {n}m sát mé kênh',
          'Mặt đường {road} đoạn {place} bị lún sâu, xe tải chạy qua là rung nhà',
          'Đường vào {place} bị sụt một bên, nứt toác, xe ba gác chở lúa không qua được',
        ],
      },
      {
        titles: ['Mất nắp hố ga', 'Hố ga không có nắp', 'nắp cống bị bể', 'Nắp hố ga bị sụp'],
        cores: [
          'Trước số nhà {n} đường {road}, {place} bị mất nắp hố ga, người dân phải cắm cành cây báo hiệu',
          'Nắp hố ga trên vỉa hè {road} gần {place} bị bể, lộ cái hố sâu hoắm',
          'Hố ga ngay lối vào {place} không có nắp từ tuần trước, ban đêm rất dễ sụp chân',
        ],
      },
      {
        titles: ['Cầu yếu xuống cấp', 'Cầu gỗ hư hỏng', 'Cầu bị gãy lan can', 'cầu khỉ sắp sập'],
        cores: [
          'Cây cầu bắc qua kênh ở {place} đã xuống cấp, mặt cầu nứt, lan can gãy mất một đoạn',
          'Cầu sắt nhỏ ở {place} bị mục ván, học sinh đi học qua đây rất nguy hiểm',
          'Cầu trên đường {road} chỗ {place} bị bong mố cầu, xe qua lại rung lắc mạnh',
        ],
      },
      {
        titles: ['Đường nát quá', 'Đường đất lầy lội', 'đường xuống cấp nghiêm trọng', 'Đường đá bể nát'],
        cores: [
          'Đường vào {place} nát hết rồi, mưa xuống là sình lầy, con nít đi học té hoài',
          'Tuyến {road} đoạn qua {place} bong tróc nhựa, đá văng tung tóe',
          'Con đường liên ấp ở {place} hư hỏng nặng nhiều năm chưa được sửa chữa',
        ],
      },
      {
        titles: ['Vỉa hè hư hỏng', 'Gạch vỉa hè bong tróc', 'Vỉa hè bị vỡ'],
        cores: [
          'Vỉa hè đường {road} ở {place} bị bong gạch, lồi lõm, người đi bộ phải xuống lòng đường',
          'Gạch lát vỉa hè trước {place} bị vỡ nhiều chỗ, người già đi dễ vấp té',
        ],
      },
      {
        titles: ['Mặt đường nứt toác', 'Đường mới làm đã nứt', 'Nứt mặt đường'],
        cores: [
          'Đường {road} mới tráng nhựa chưa được {n} tháng mà đã nứt dài ở đoạn {place}',
          'Mặt đường bê tông ở {place} nứt thành nhiều vệt, có chỗ bể thành hố',
        ],
      },
    ],
    details: [
      'Trời tối xe máy không thấy dễ té ngã',
      'Đã có mấy người chạy xe bị té',
      'Xe cộ phải lách qua lại rất nguy hiểm',
      'Học sinh đi học ngang đây mỗi ngày',
      'Tình trạng này kéo dài hơn {days} ngày',
      'Mưa xuống nước đọng thành vũng không biết nông sâu',
    ],
    asks: [
      'Đề nghị cơ quan chức năng sớm sửa chữa',
      'Xin sớm trám vá mặt đường',
      'Mong ngành giao thông khắc phục sớm',
      'Nhờ xã kiểm tra sớm kẻo sạt luôn xuống kênh',
      'Đề nghị gia cố lại cầu',
    ],
  },
  an_toan_giao_thong: {
    problems: [
      {
        titles: [
          'Đèn tín hiệu giao thông bị hỏng',
          'Đèn xanh đèn đỏ không hoạt động',
          'đèn giao thông chớp vàng hoài',
        ],
        cores: [
          'Đèn tín hiệu giao thông ở ngã tư {road} giao với đường vào {place} bị hỏng từ {days} ngày nay',
          'Cụm đèn xanh đèn đỏ tại giao lộ gần {place} chỉ chớp vàng, xe các hướng chen nhau',
          'Đèn tín hiệu ngã ba {place} bị lệch pha, hai hướng cùng đèn xanh',
        ],
      },
      {
        titles: ['Biển báo bị che khuất', 'Biển báo giao thông bị cây che', 'Mất biển báo khúc cua'],
        cores: [
          'Biển báo hạn chế tốc độ trên {road} đoạn {place} bị cây che khuất hoàn toàn',
          'Khúc cua gắt trên {road} gần {place} bị mất biển báo nguy hiểm, đã xảy ra tai nạn',
          'Biển cấm xe tải đầu đường vào {place} bị xe tông ngã nằm dưới đất',
        ],
      },
      {
        titles: ['Kẹt xe kéo dài', 'Ùn tắc giao thông giờ cao điểm', 'Kẹt xe trước cổng trường'],
        cores: [
          'Giờ tan tầm đoạn {road} qua {place} kẹt xe kéo dài cả cây số',
          'Sáng nào cũng kẹt xe trước cổng trường ở {place}, phụ huynh đậu xe tràn ra đường',
          'Ùn tắc nghiêm trọng trên {road} hướng về {place} do xe container dừng đỗ',
        ],
      },
      {
        titles: ['Xe quá tải cày nát đường', 'Xe ben chạy quá tốc độ', 'Xe tải chở quá khổ'],
        cores: [
          'Xe ben chở cát chạy tốc độ cao trên {road} qua khu dân cư {place}, không che bạt',
          'Xe tải chở quá tải chạy liên tục ban đêm trên đường {place}, cát văng đầy đường',
          'Xe container chạy ẩu lấn làn trên {road} đoạn {place}',
        ],
      },
      {
        titles: ['Đua xe trái phép', 'Thanh niên đua xe ban đêm', 'Nhóm thanh niên lạng lách'],
        cores: [
          'Tối thứ bảy, chủ nhật có nhóm thanh niên tụ tập đua xe, rú ga lạng lách trên {road} đoạn {place}',
          'Khoảng {hour} giờ đêm có cả chục chiếc xe máy nẹt pô chạy tốc độ cao qua {place}',
        ],
      },
      {
        titles: ['Cần lắp gờ giảm tốc', 'Thiếu vạch kẻ đường', 'Điểm đen tai nạn giao thông'],
        cores: [
          'Đoạn {road} qua {place} thường xuyên xảy ra tai nạn do xe chạy nhanh, không có gờ giảm tốc',
          'Vạch kẻ đường cho người đi bộ trước chợ {place} bị mờ hết, xe không nhường đường',
          'Ngã ba {place} là điểm đen tai nạn, tháng này đã có {n} vụ va chạm',
        ],
      },
    ],
    details: [
      'Rất nguy hiểm cho người tham gia giao thông',
      'Đã xảy ra va chạm giữa xe máy và ô tô',
      'Người đi đường hoang mang không biết đi sao',
      'CSGT không thấy có mặt',
      'Tình trạng diễn ra hàng ngày',
    ],
    asks: [
      'Đề nghị CSGT kiểm tra xử lý',
      'Đề nghị sửa đèn tín hiệu gấp',
      'Mong công an có biện pháp xử lý',
      'Xin bố trí lực lượng phân luồng giao thông',
      'Đề nghị cắm lại biển báo',
    ],
  },
  chieu_sang: {
    problems: [
      {
        titles: [
          'Đèn đường không sáng',
          'Đèn đường hư cả tuần nay',
          'Bóng đèn đường bị tắt',
          'dèn duong ko sang',
        ],
        cores: [
          'Khu phố {place} có {n} bóng đèn đường trên đường {road} không sáng gần một tuần',
          'Cả dãy đèn chiếu sáng trên {road} đoạn {place} bị tắt, buổi tối tối thui',
          'Đèn đường trước hẻm {n} ở {place} bị cháy bóng đã lâu chưa thay',
        ],
      },
      {
        titles: ['Đèn đường sáng ban ngày', 'Đèn chiếu sáng bật cả ngày', 'Lãng phí điện chiếu sáng'],
        cores: [
          'Đèn đường trên {road} qua {place} sáng cả ban ngày, trưa nắng vẫn bật',
          'Hệ thống đèn chiếu sáng công cộng ở {place} không tắt vào buổi sáng, rất lãng phí',
        ],
      },
      {
        titles: ['Trụ đèn chiếu sáng bị nghiêng', 'Trụ đèn đường sắp ngã', 'Cột đèn bị xe tông'],
        cores: [
          'Tại ngã ba vào {place} có một trụ đèn chiếu sáng bị xe tải va quẹt nghiêng khoảng {n} độ',
          'Cột đèn chiếu sáng trên {road} gần {place} bị gỉ sét chân trụ, nghiêng hẳn ra đường',
        ],
      },
      {
        titles: ['Rò điện trụ đèn chiếu sáng', 'Trụ đèn đường bị rò điện', 'Hộp điện đèn đường bị mở'],
        cores: [
          'Trụ đèn chiếu sáng ở {place} bị hở hộp điện, dây điện lòi ra ngoài, trẻ em hay chơi gần đó',
          'Chân trụ đèn đường trên {road} đoạn {place} bị rò điện, mưa xuống con chó đi ngang bị giật',
        ],
      },
      {
        titles: ['Đề nghị lắp đèn đường', 'Hẻm tối không có đèn', 'Đèn đường chập chờn'],
        cores: [
          'Đèn đường ở {place} lúc sáng lúc tắt, chập chờn cả tháng nay',
          'Đoạn đường từ {place} ra {road} dài gần {n}00m không có bóng đèn chiếu sáng nào',
        ],
      },
    ],
    details: [
      'Buổi tối tối thui, mấy chị em đi làm ca về sợ lắm',
      'Trộm cắp có thể lợi dụng bóng tối',
      'Người đi đường không thấy ổ gà',
      'Đã báo khu phố nhưng chưa thấy ai sửa',
      'Dây điện lòi ra ngoài rất nguy hiểm',
    ],
    asks: [
      'Mong phường cho người sửa giúp',
      'Đề nghị thay bóng đèn',
      'Đề nghị di dời hoặc gia cố gấp',
      'Đề nghị đơn vị quản lý chiếu sáng kiểm tra',
      'Xin lắp thêm đèn chiếu sáng',
    ],
  },
  dien: {
    problems: [
      {
        titles: ['Cúp điện liên tục', 'Mất điện không báo trước', 'cup dien hoai', 'Mất điện cả ngày'],
        cores: [
          'Khu vực {place} bị cúp điện liên tục mấy ngày nay, không có thông báo trước',
          'Từ {hour} giờ sáng tới giờ cả xóm ở {place} bị mất điện, gọi tổng đài điện lực không được',
          'Tuần này {place} cúp điện {n} lần, tủ lạnh hư đồ ăn hết',
        ],
      },
      {
        titles: ['Chập điện cháy dây', 'Dây điện bị chập nổ', 'Tủ điện bốc khói'],
        cores: [
          'Dây điện trên trụ trước nhà số {n} đường {road}, {place} bị chập nổ lửa tóe ra',
          'Trạm biến áp ở {place} kêu lụp bụp rồi bốc khói, cả khu mất điện',
        ],
      },
      {
        titles: ['Dây điện võng thấp', 'Dây điện sà xuống thấp', 'Dây điện chùng sát đầu người'],
        cores: [
          'Dây điện hạ thế ở {place} bị võng thấp, xe chở rơm đi qua là vướng',
          'Đường dây điện qua {place} bị chùng, cách mặt đất chỉ khoảng {n}m',
        ],
      },
      {
        titles: ['Trụ điện nghiêng nguy hiểm', 'Cột điện sắp ngã', 'Trụ điện bị nứt chân'],
        cores: [
          'Trụ điện trung thế gần {place} bị nghiêng sau trận mưa lớn, dây căng sát mái nhà dân',
          'Cột điện bê tông ở {place} bị nứt chân, lòi sắt, có nguy cơ ngã vào nhà',
        ],
      },
      {
        titles: ['Điện yếu không chạy máy bơm', 'Điện áp thấp chập chờn', 'Điện yếu'],
        cores: [
          'Điện ở {place} buổi chiều yếu quá, đèn chập chờn, máy bơm nước không chạy nổi',
          'Điện áp cuối nguồn ở {place} thấp, máy lạnh với tủ lạnh tự tắt hoài',
        ],
      },
      {
        titles: ['Tiền điện tăng bất thường', 'Hóa đơn tiền điện cao bất thường'],
        cores: [
          'Tháng này hóa đơn tiền điện nhà tôi ở {place} tăng gấp {n} lần mà sử dụng như cũ',
          'Nhiều hộ ở {place} phản ánh tiền điện tăng vọt, nghi công tơ điện chạy sai',
        ],
      },
    ],
    details: [
      'Gọi điện lực không ai bắt máy',
      'Người già và con nhỏ nóng không ngủ được',
      'Ảnh hưởng sản xuất kinh doanh của bà con',
      'Rất nguy hiểm cho người dân',
      'Mưa gió là lại mất điện',
    ],
    asks: [
      'Đề nghị điện lực kiểm tra khắc phục',
      'Mong điện lực xử lý gấp',
      'Đề nghị ngành điện thông báo lịch cúp điện',
      'Xin điện lực kiểm tra lại công tơ',
      'Đề nghị căng lại dây điện',
    ],
  },
  cap_nuoc: {
    problems: [
      {
        titles: ['Mất nước sinh hoạt', 'Cúp nước mấy ngày', 'Nước máy không chảy', 'mat nuoc hoai'],
        cores: [
          'Khu dân cư {place} bị mất nước máy {days} ngày nay, không có thông báo',
          'Từ hôm qua tới giờ nước máy ở {place} không chảy, bà con phải mua nước bình',
          'Vòi nước nhà tôi ở {place} lúc có lúc không, chiều tối là mất nước hẳn',
        ],
      },
      {
        titles: ['Nước máy đục, có mùi', 'Nước sinh hoạt có mùi lạ', 'Nước máy vàng đục'],
        cores: [
          'Nước máy khu {place} mấy ngày nay đục vàng, có mùi clo nồng, không dám nấu ăn',
          'Nước sinh hoạt ở {place} có mùi tanh, cặn bám đầy lu',
          'Nước từ trạm cấp nước ở {place} bị nhiễm phèn, tắm xong ngứa hết người',
        ],
      },
      {
        titles: ['Bể ống nước', 'Vỡ đường ống cấp nước', 'Ống nước bị bể xì nước'],
        cores: [
          'Đường ống cấp nước trên {road} đoạn {place} bị bể, nước xì lên mặt đường cả ngày',
          'Ống nước chính ở {place} bị vỡ, nước chảy lênh láng lãng phí mấy hôm nay',
        ],
      },
      {
        titles: ['Nước yếu không lên bồn', 'Áp lực nước yếu', 'Xin lắp đặt nước máy'],
        cores: [
          'Nước máy ở {place} yếu quá, không lên nổi bồn, phải hứng từng xô',
          'Gia đình tôi ở {place} đăng ký lắp đồng hồ nước {n} tháng rồi chưa thấy lắp',
        ],
      },
      {
        titles: ['Tiền nước tăng bất thường', 'Hóa đơn nước sai'],
        cores: ['Hóa đơn tiền nước tháng này của nhà tôi ở {place} tăng gấp {n} lần, đồng hồ nước có vấn đề'],
      },
    ],
    details: [
      'Bà con phải mua nước bình để nấu ăn',
      'Gọi công ty cấp nước không ai trả lời',
      'Người già con nhỏ không có nước tắm giặt',
      'Mùa khô mà mất nước rất khổ',
      'Đã nhiều lần như vậy rồi',
    ],
    asks: [
      'Đề nghị công ty cấp nước kiểm tra',
      'Đề nghị kiểm tra chất lượng nước',
      'Mong sửa ống nước sớm',
      'Xin thông báo lịch cấp nước lại',
      'Đề nghị kiểm tra đồng hồ nước',
    ],
  },
  thoat_nuoc_ngap: {
    problems: [
      {
        titles: ['Ngập nước sau mưa', 'Mưa lớn ngập đường', 'Đường ngập sâu', 'ngap nuoc qua troi'],
        cores: [
          'Mỗi lần mưa lớn đường {road} đoạn {place} ngập sâu gần {n}0cm, xe chết máy hàng loạt',
          'Mưa chưa tới một tiếng mà khu {place} đã ngập lênh láng, nước tràn vô nhà',
          'Chiều qua mưa to, đường vào {place} biến thành sông, nước rút rất chậm',
        ],
      },
      {
        titles: ['Cống thoát nước bị nghẹt', 'Cống nghẹt rác', 'Miệng cống bị bít'],
        cores: [
          'Cống thoát nước trước {place} bị nghẹt rác, nước không thoát được, bốc mùi hôi',
          'Miệng cống trên đường {road} ở {place} bị bít kín bởi rác và bùn',
          'Hệ thống mương thoát nước khu {place} bị lấp, mưa là nước dềnh lên',
        ],
      },
      {
        titles: ['Triều cường tràn bờ bao', 'Triều cường gây ngập', 'Bờ bao bị tràn'],
        cores: [
          'Triều cường mấy bữa nay tràn bờ bao ở {place}, nước vô nhà dân, vườn rau ngập hết',
          'Đợt triều cường đỉnh điểm làm ngập đường {road} qua {place} vào giờ chiều',
          'Bờ bao ở {place} bị lủng một lỗ to, triều lên là nước tràn vô',
        ],
      },
      {
        titles: ['Nước thải ứ đọng', 'Mương thoát nước ứ đọng', 'Nạo vét cống thoát nước'],
        cores: [
          'Mương thoát nước sau khu dân cư {place} ứ đọng nước đen lâu ngày, muỗi nhiều',
          'Cống thoát nước dọc {road} đoạn {place} lâu rồi chưa nạo vét, nước tù đọng',
        ],
      },
    ],
    details: [
      'Nước vô nhà dân làm hư đồ đạc',
      'Học sinh lội nước đi học',
      'Xe máy chết máy giữa đường',
      'Tình trạng này lặp lại mỗi mùa mưa',
      'Bà con rất bức xúc',
    ],
    asks: [
      'Đề nghị nạo vét cống thoát nước',
      'Xin xã hỗ trợ bao cát gia cố gấp',
      'Đề nghị có giải pháp chống ngập lâu dài',
      'Mong cơ quan chức năng khơi thông dòng chảy',
      'Đề nghị nâng cấp hệ thống thoát nước',
    ],
  },
  ve_sinh_moi_truong: {
    problems: [
      {
        titles: [
          'Rác không được thu gom',
          'Xe rác không tới lấy',
          'Rác ứ đọng nhiều ngày',
          'rac ko ai thu gom',
        ],
        cores: [
          'Rác ở {place} đã {days} ngày xe rác không tới lấy, bốc mùi thối, chó mèo bới tung ra đường',
          'Điểm tập kết rác ở {place} rác chất thành đống cao, không ai thu gom',
          'Tụi tui ở {place} vẫn đóng tiền rác đầy đủ mà cả tuần xe rác không tới',
        ],
      },
      {
        titles: ['Bãi rác tự phát', 'Đổ rác bừa bãi', 'Người dân đổ rác ra bờ kênh'],
        cores: [
          'Bãi đất trống cạnh {road} ở {place} thành bãi rác tự phát, ai đi ngang cũng quăng rác',
          'Nhiều người đổ rác xuống bờ kênh ở {place}, rác trôi nghẹt dòng chảy',
        ],
      },
      {
        titles: ['Xác động vật chết trôi', 'Xác heo chết trôi trên kênh', 'Xác chó chết ven đường'],
        cores: [
          'Sáng nay thấy mấy con heo chết trôi trên kênh ở {place}, hôi quá trời',
          'Có xác chó chết nằm ven đường {road} gần {place} mấy ngày không ai dọn',
        ],
      },
      {
        titles: ['Đổ xà bần trái phép', 'Xà bần đổ lấn đường', 'Đổ trộm phế thải xây dựng'],
        cores: [
          'Ban đêm có xe đổ trộm xà bần ở lề đường {road} đoạn {place}, chất thành đống',
          'Phế thải xây dựng bị đổ bừa bãi ở khu đất trống {place}',
        ],
      },
      {
        titles: ['Thùng rác công cộng bị hư', 'Nhà vệ sinh công cộng dơ'],
        cores: [
          'Thùng rác công cộng trên {road} ở {place} bị hư, rác tràn ra ngoài',
          'Nhà vệ sinh công cộng ở chợ {place} dơ bẩn, hôi thối, không ai dọn',
        ],
      },
    ],
    details: [
      'Mùi hôi thối bay vô nhà',
      'Ruồi nhặng bu đầy',
      'Sợ dịch bệnh lây lan',
      'Mất mỹ quan khu dân cư',
      'Đã báo tổ trưởng nhưng chưa giải quyết',
    ],
    asks: [
      'Đề nghị kiểm tra đơn vị thu gom rác',
      'Đề nghị dọn dẹp gấp',
      'Mong xã cho người xuống thu dọn',
      'Đề nghị xử phạt người đổ rác bừa bãi',
      'Nhờ thú y với xã xuống coi',
    ],
  },
  o_nhiem: {
    problems: [
      {
        titles: [
          'Karaoke hát ồn ào khuya',
          'Tiếng ồn karaoke',
          'Hàng xóm hát karaoke tới khuya',
          'karaoke on qua',
        ],
        cores: [
          'Nhà hàng xóm ở {place} hát karaoke thùng loa kẹo kéo tới {hour} giờ khuya, mở hết công suất',
          'Đám tiệc ở {place} mở loa karaoke từ sáng tới tối, tiếng ồn inh ỏi cả xóm',
          'Tối nào cũng có người hát karaoke ồn ào ở {place}, người bệnh không ngủ được',
        ],
      },
      {
        titles: ['Mùi hôi từ trại heo', 'Trại heo gây ô nhiễm', 'Mùi hôi chăn nuôi'],
        cores: [
          'Trại heo ở {place} xả thẳng nước thải ra mương, mùi hôi nồng nặc cả xóm',
          'Mùi hôi từ trại chăn nuôi heo gần {place} bay vô nhà, nhất là buổi chiều',
        ],
      },
      {
        titles: ['Nhà máy xả khói bụi', 'Khói bụi từ nhà máy', 'Nhà máy gây mùi hôi'],
        cores: [
          'Nhà máy trong khu công nghiệp gần {place} xả khói đen mù mịt ban đêm, mùi khét khó thở',
          'Xưởng sản xuất ở {place} thải bụi ra khu dân cư, bàn ghế lúc nào cũng bám bụi',
          'Công ty gần {place} có mùi hóa chất nồng nặc vào ban đêm, người dân bị rát họng',
        ],
      },
      {
        titles: ['Nước thải khu công nghiệp', 'Xả nước thải ra kênh', 'Nước kênh đen ngòm'],
        cores: [
          'Nước thải từ khu công nghiệp gần {place} xả ra kênh làm nước đen ngòm, cá chết',
          'Cống xả nước thải của nhà máy ở {place} đổ thẳng ra sông, bốc mùi hôi thối',
        ],
      },
      {
        titles: ['Đốt rác gây khói', 'Đốt rơm rạ gây khói mù', 'Đốt rác nhựa gây ô nhiễm'],
        cores: [
          'Mùa này nhà nhà đốt rơm sau thu hoạch, khói bay mù mịt trên {road} đoạn qua {place}',
          'Người dân ở {place} đốt rác nhựa mỗi chiều, khói đen bay vô nhà khét lẹt',
        ],
      },
      {
        titles: ['Tiếng ồn công trình ban đêm', 'Xưởng cưa gây ồn'],
        cores: [
          'Xưởng cưa gỗ ở {place} chạy máy tới khuya, tiếng ồn chát chúa',
          'Công trình ở {place} đổ bê tông ban đêm, máy chạy ầm ầm tới {hour} giờ sáng',
        ],
      },
    ],
    details: [
      'Bà con ăn cơm không nổi',
      'Trẻ nhỏ và người già không ngủ được',
      'Nhiều người bị ho, rát họng',
      'Đã góp ý nhiều lần nhưng không thay đổi',
      'Ảnh hưởng sức khỏe người dân',
    ],
    asks: [
      'Đề nghị kiểm tra giấy phép môi trường',
      'Đề nghị xử lý tiếng ồn',
      'Mong xã tuyên truyền bà con',
      'Đề nghị quan trắc và xử phạt',
      'Đề nghị cơ quan môi trường vào cuộc',
    ],
  },
  cay_xanh: {
    problems: [
      {
        titles: ['Cây gãy đổ chắn đường', 'Cây xanh ngã đổ', 'Cây đổ sau mưa', 'cay nga chan duong'],
        cores: [
          'Sau trận mưa giông tối qua, một cây xanh lớn trên đường {road} ở {place} bị gãy đổ chắn ngang đường',
          'Cây dầu trước {place} bị bật gốc, ngã đè lên hàng rào nhà dân',
        ],
      },
      {
        titles: ['Nhánh cây chạm dây điện', 'Cây mọc sát đường dây điện', 'Cắt tỉa cây xanh'],
        cores: [
          'Nhánh cây me trên vỉa hè {road} ở {place} chạm vào dây điện, gió thổi là tóe lửa',
          'Hàng cây xanh trên đường {road} đoạn {place} um tùm, nhánh khô lủng lẳng sắp rơi',
        ],
      },
      {
        titles: ['Cây nghiêng sắp đổ', 'Cây mục gốc nguy hiểm'],
        cores: [
          'Cây xanh lâu năm ở {place} bị mục rỗng gốc, nghiêng hẳn ra đường',
          'Cây bàng trước trường học ở {place} nghiêng nhiều, mùa mưa bão rất dễ ngã',
        ],
      },
      {
        titles: ['Công viên xuống cấp', 'Công viên thiếu chăm sóc', 'Dụng cụ tập thể dục công viên hư'],
        cores: [
          'Công viên ở {place} xuống cấp, cỏ mọc cao, ghế đá bể, dụng cụ tập thể dục hư hết',
          'Khu vui chơi trẻ em trong công viên {place} cầu tuột bị gãy, đinh lòi ra',
        ],
      },
    ],
    details: [
      'Nguy hiểm cho người đi đường',
      'Trẻ em chơi gần đó rất nguy hiểm',
      'Mùa mưa bão sắp tới',
      'Gió mạnh là cành cây rơi xuống',
    ],
    asks: [
      'Đề nghị cắt tỉa cây xanh',
      'Đề nghị dọn cây ngã gấp',
      'Mong đơn vị quản lý cây xanh xử lý',
      'Đề nghị sửa chữa, cải tạo công viên',
    ],
  },
  trat_tu_do_thi: {
    problems: [
      {
        titles: ['Lấn chiếm vỉa hè', 'Buôn bán lấn chiếm lòng lề đường', 'Quán xá bày bàn ghế ra lề đường'],
        cores: [
          'Các quán ăn trên đường {road} ở {place} bày bàn ghế lấn chiếm hết vỉa hè',
          'Hộ kinh doanh ở {place} dựng mái che, để hàng hóa lấn ra lòng đường',
          'Vỉa hè {road} đoạn {place} bị chiếm làm chỗ đậu xe, người đi bộ phải xuống đường',
        ],
      },
      {
        titles: ['Họp chợ tự phát', 'Chợ tự phát gây kẹt xe', 'Lấn chiếm vỉa hè họp chợ'],
        cores: [
          'Khu vực trước chợ {place}, tiểu thương bày hàng tràn xuống lòng đường từ {hour} giờ sáng',
          'Chợ tự phát dọc đường {road} ở {place} họp cả ngày, xe cấp cứu không qua được',
        ],
      },
      {
        titles: ['Quảng cáo rao vặt dán bậy', 'Dán quảng cáo lên trụ điện', 'Băng rôn quảng cáo trái phép'],
        cores: [
          'Trụ điện, tường nhà ở {place} bị dán đầy quảng cáo khoan cắt bê tông, cho vay tiền',
          'Băng rôn, bảng quảng cáo treo tràn lan trên {road} đoạn {place}, che cả biển báo',
        ],
      },
      {
        titles: ['Bảng hiệu lấn ra đường', 'Bảng hiệu quá khổ'],
        cores: [
          'Cửa hàng ở {place} dựng bảng hiệu lớn lấn ra sát mép đường {road}',
          'Bảng hiệu hộp đèn của quán trên {road} ở {place} chắn hết tầm nhìn xe ra vào hẻm',
        ],
      },
    ],
    details: [
      'Người đi bộ phải đi xuống lòng đường',
      'Gây kẹt xe giờ cao điểm',
      'Mất mỹ quan đô thị',
      'Nhắc nhở rồi đâu lại vào đó',
    ],
    asks: [
      'Đề nghị lập lại trật tự',
      'Đề nghị phường ra quân xử lý',
      'Mong chính quyền giải tỏa lấn chiếm',
      'Đề nghị tháo dỡ quảng cáo trái phép',
    ],
  },
  trat_tu_xay_dung: {
    problems: [
      {
        titles: ['Xây dựng không phép', 'Xây nhà không giấy phép', 'Công trình xây sai phép'],
        cores: [
          'Nhà kế bên tôi ở {place} đang xây thêm tầng mà không có giấy phép xây dựng',
          'Công trình ở {place} xây sai phép, lấn ra hành lang an toàn đường {road}',
          'Một hộ ở {place} xây dựng nhà xưởng trên đất nông nghiệp không phép',
        ],
      },
      {
        titles: ['Công trình gây lún nứt nhà bên', 'Xây nhà làm nứt tường hàng xóm', 'Ép cọc gây nứt nhà'],
        cores: [
          'Công trình đang ép cọc bên cạnh nhà tôi ở {place} làm tường nhà tôi nứt dài, nền bị lún',
          'Từ khi nhà bên ở {place} đào móng, nhà tôi bị nứt nhiều chỗ, trần bong tróc',
        ],
      },
      {
        titles: [
          'Vật liệu xây dựng chiếm đường',
          'Cát đá đổ tràn ra đường',
          'Công trình để vật liệu lấn đường',
        ],
        cores: [
          'Công trình xây nhà ở {place} đổ cát đá, gạch chiếm gần hết đường {road}',
          'Vật liệu xây dựng của công trình ở {place} để tràn ra lòng đường nhiều ngày',
        ],
      },
      {
        titles: ['Xây lấn ranh', 'Xây lấn hẻm chung'],
        cores: [
          'Hộ dân ở {place} xây tường rào lấn ra hẻm chung khoảng {n}0cm, xe không vào được',
          'Nhà kế bên ở {place} đang xây lấn qua ranh nhà tôi, hỏi thì nói có phép nhưng không đưa ra giấy tờ gì',
        ],
      },
    ],
    details: [
      'Công trình không che chắn, bụi bay mù',
      'Không thấy treo biển báo công trình',
      'Đã báo xã nhưng vẫn tiếp tục xây',
      'Gia đình rất lo lắng',
    ],
    asks: [
      'Đề nghị xã kiểm tra giấy phép xây dựng',
      'Đề nghị đình chỉ công trình',
      'Mong cơ quan chức năng kiểm tra, xử lý',
      'Đề nghị buộc chủ công trình bồi thường',
    ],
  },
  dat_dai: {
    problems: [
      {
        titles: ['Lấn chiếm đất công', 'Chiếm đất công làm nhà', 'Rào chiếm đất công'],
        cores: [
          'Một hộ dân ở {place} rào chiếm đất công ven kênh để trồng cây và cất nhà',
          'Khu đất công của xã ở {place} bị người dân lấn chiếm dần, làm chuồng trại',
        ],
      },
      {
        titles: ['Tranh chấp ranh đất', 'Tranh chấp đất với hàng xóm', 'Đo đạc ranh đất'],
        cores: [
          'Gia đình tôi ở {place} đang tranh chấp ranh đất với hàng xóm, đã hòa giải ở ấp không thành',
          'Hàng xóm ở {place} dời cột mốc ranh đất lấn qua đất nhà tôi khoảng {n}m',
        ],
      },
      {
        titles: ['San lấp mặt bằng trái phép', 'San lấp ruộng lúa', 'Xe ben chở đất san lấp ban đêm'],
        cores: [
          'Có người cho xe ben chở đất san lấp ruộng lúa ở {place} ban đêm, không biết có phép không',
          'Khu ruộng ở {place} bị san lấp trái phép để phân lô bán nền',
        ],
      },
      {
        titles: ['Cấp giấy chứng nhận chậm', 'Sổ đỏ chậm cấp', 'Chậm cấp giấy chứng nhận quyền sử dụng đất'],
        cores: [
          'Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất ở {place} đã {n} tháng mà chưa có sổ',
          'Hồ sơ tách thửa, sang tên sổ đỏ của gia đình ở {place} bị trễ hẹn nhiều lần',
        ],
      },
      {
        titles: ['Phân lô bán nền trái phép', 'Bồi thường giải phóng mặt bằng'],
        cores: [
          'Ở {place} có người tự làm đường, phân lô bán nền trên đất nông nghiệp',
          'Đất nhà tôi ở {place} bị thu hồi làm đường {road} nhưng tiền bồi thường chưa thỏa đáng',
        ],
      },
    ],
    details: [
      'Gia đình đã gửi đơn nhiều lần',
      'Không rõ có được cấp phép không',
      'Việc này kéo dài đã lâu',
      'Ảnh hưởng quyền lợi hợp pháp của gia đình',
    ],
    asks: [
      'Đề nghị địa chính xã kiểm tra',
      'Đề nghị cơ quan tài nguyên môi trường giải quyết',
      'Mong được giải quyết dứt điểm',
      'Đề nghị xử lý hành vi san lấp trái phép',
    ],
  },
  an_ninh_trat_tu: {
    problems: [
      {
        titles: ['Trộm cắp tài sản', 'Mất trộm xe máy', 'Trộm gà vịt ban đêm', 'trom cap hoanh hanh'],
        cores: [
          'Khu vực {place} dạo này trộm cắp hoành hành, nhà tôi vừa bị mất chiếc xe máy để trước sân',
          'Mấy đêm nay ở {place} liên tục bị trộm gà vịt, trộm cả máy bơm nước ngoài ruộng',
          'Trộm đột nhập nhà dân ở {place} lấy tiền và điện thoại lúc cả nhà ngủ',
        ],
      },
      {
        titles: ['Tụ tập gây rối', 'Thanh niên tụ tập đánh nhau', 'Nhậu say gây rối'],
        cores: [
          'Tối nào cũng có nhóm thanh niên tụ tập ở {place} nhậu say rồi chửi bới, đánh nhau',
          'Nhóm người lạ mặt mang hung khí tụ tập gây rối trước quán ở {place}',
        ],
      },
      {
        titles: ['Cờ bạc ăn tiền', 'Tụ điểm đánh bài', 'Đá gà ăn tiền'],
        cores: [
          'Có một tụ điểm đá gà ăn tiền ở {place}, chiều nào cũng tụ tập đông người',
          'Nhà ở {place} tổ chức đánh bài ăn tiền thâu đêm, xe đậu kín hẻm',
        ],
      },
      {
        titles: ['Nghi mua bán ma túy', 'Đối tượng sử dụng ma túy', 'Tụ tập hút chích'],
        cores: [
          'Ở bãi đất trống gần {place} có người lạ tụ tập hút chích, vứt kim tiêm bừa bãi',
          'Nghi có đối tượng mua bán ma túy ở {place}, xe ra vào liên tục giờ khuya',
        ],
      },
      {
        titles: ['Lừa đảo qua mạng', 'Bị lừa đảo chuyển tiền', 'Giả danh công an gọi điện lừa đảo'],
        cores: [
          'Mẹ tôi ở {place} bị người giả danh công an gọi điện đòi chuyển tiền, đã mất {n}0 triệu',
          'Tôi bị lừa đảo qua mạng xã hội, chuyển tiền mua hàng rồi bị chặn liên lạc',
        ],
      },
      {
        titles: ['Cho vay nặng lãi', 'Tín dụng đen đe dọa'],
        cores: ['Nhóm cho vay nặng lãi ở {place} tạt sơn, ném mắm tôm vào nhà người vay'],
      },
    ],
    details: [
      'Người dân rất hoang mang lo sợ',
      'Đã trình báo công an xã nhưng chưa có kết quả',
      'Tình hình an ninh phức tạp',
      'Ban đêm không dám ra đường',
    ],
    asks: [
      'Đề nghị công an tăng cường tuần tra',
      'Mong công an điều tra làm rõ',
      'Đề nghị triệt phá tụ điểm',
      'Đề nghị công an xã xử lý nghiêm',
    ],
  },
  an_toan_thuc_pham: {
    problems: [
      {
        titles: ['Quán ăn mất vệ sinh', 'Tiệm ăn không đảm bảo vệ sinh', 'Quán cơm dơ'],
        cores: [
          'Quán ăn ở {place} chế biến thức ăn ngay dưới đất, ruồi bu đầy, chén bát rửa nước dơ',
          'Bếp của tiệm bún ở {place} dơ bẩn, nhân viên không đeo găng tay khẩu trang',
        ],
      },
      {
        titles: ['Ngộ độc thực phẩm', 'Nghi ngộ độc sau khi ăn', 'Nhiều người đau bụng sau đám tiệc'],
        cores: [
          'Sau khi ăn bánh mì ở {place}, cả nhà tôi {n} người bị đau bụng, ói mửa phải đi cấp cứu',
          'Nhiều công nhân ở {place} bị nghi ngộ độc thực phẩm sau bữa cơm trưa ở căng tin',
        ],
      },
      {
        titles: ['Thực phẩm không rõ nguồn gốc', 'Thịt heo không kiểm dịch', 'Bán hàng hết hạn sử dụng'],
        cores: [
          'Chợ {place} có người bán thịt heo không có dấu kiểm dịch, thịt có màu lạ',
          'Cửa hàng tạp hóa ở {place} bán sữa, bánh kẹo hết hạn sử dụng cho học sinh',
          'Cơ sở ở {place} sản xuất giò chả dùng hàn the, hóa chất không rõ nguồn gốc',
        ],
      },
      {
        titles: ['Cơ sở giết mổ lậu', 'Lò mổ không phép'],
        cores: ['Có lò mổ heo lậu ở {place} hoạt động ban đêm, không kiểm dịch, nước thải đổ ra kênh'],
      },
    ],
    details: [
      'Rất lo cho sức khỏe người tiêu dùng',
      'Học sinh hay mua ăn',
      'Khách ăn đông mỗi ngày',
      'Không có giấy chứng nhận an toàn thực phẩm',
    ],
    asks: [
      'Đề nghị kiểm tra an toàn vệ sinh thực phẩm',
      'Đề nghị xử phạt cơ sở vi phạm',
      'Mong ngành y tế kiểm tra',
      'Đề nghị kiểm tra nguồn gốc thực phẩm',
    ],
  },
  y_te: {
    problems: [
      {
        titles: [
          'Thái độ nhân viên y tế',
          'Nhân viên bệnh viện cáu gắt',
          'Điều dưỡng thiếu tôn trọng bệnh nhân',
        ],
        cores: [
          'Điều dưỡng khoa cấp cứu bệnh viện ở {place} nói chuyện cộc cằn, quát người nhà bệnh nhân',
          'Nhân viên trạm y tế {place} thái độ thờ ơ, bệnh nhân chờ cả buổi không ai khám',
        ],
      },
      {
        titles: [
          'Bảo hiểm y tế không được thanh toán',
          'Thẻ bảo hiểm y tế bị từ chối',
          'Khám bảo hiểm y tế phải đóng thêm tiền',
        ],
        cores: [
          'Tôi khám bệnh bằng thẻ bảo hiểm y tế ở bệnh viện {place} mà vẫn phải trả thêm tiền thuốc',
          'Thẻ bảo hiểm y tế của con tôi bị báo lỗi khi khám ở {place}, phải trả viện phí',
        ],
      },
      {
        titles: [
          'Sốt xuất huyết tăng',
          'Phun thuốc diệt muỗi',
          'Dịch sốt xuất huyết',
          'Nghi dịch tay chân miệng',
        ],
        cores: [
          'Ở {place} có {n} ca sốt xuất huyết trong tháng, chưa thấy trạm y tế phun thuốc diệt muỗi',
          'Trường mẫu giáo ở {place} có nhiều cháu bị tay chân miệng, phụ huynh rất lo',
        ],
      },
      {
        titles: ['Thiếu thuốc điều trị', 'Bệnh viện thiếu thuốc', 'Trạm y tế không có thuốc'],
        cores: [
          'Bệnh viện ở {place} hết thuốc bảo hiểm, bệnh nhân phải tự ra ngoài mua',
          'Trạm y tế xã {place} thiếu thuốc tiểu đường, huyết áp cho người cao tuổi',
        ],
      },
      {
        titles: ['Chờ khám bệnh quá lâu', 'Quá tải bệnh viện', 'Phòng khám tư không phép'],
        cores: [
          'Bệnh viện ở {place} phải chờ khám từ {hour} giờ sáng tới trưa, không có ghế ngồi',
          'Phòng khám tư ở {place} hành nghề không có giấy phép, tiêm truyền tại nhà',
        ],
      },
    ],
    details: [
      'Người bệnh rất mệt mỏi',
      'Người nhà bệnh nhân bức xúc',
      'Ảnh hưởng sức khỏe người dân',
      'Người già không biết hỏi ai',
    ],
    asks: [
      'Đề nghị Sở Y tế chấn chỉnh',
      'Mong trạm y tế phun thuốc diệt muỗi và phát quang bụi rậm',
      'Đề nghị giải thích quyền lợi bảo hiểm y tế',
      'Đề nghị bổ sung thuốc',
    ],
  },
  giao_duc: {
    problems: [
      {
        titles: ['Thu chi trường học không minh bạch', 'Trường thu nhiều khoản', 'Lạm thu đầu năm học'],
        cores: [
          'Đầu năm học trường tiểu học ở {place} thu nhiều khoản ngoài quy định, hơn {n} triệu mỗi học sinh',
          'Ban đại diện cha mẹ học sinh lớp con tôi ở {place} thu quỹ lớp cao mà không công khai chi tiêu',
        ],
      },
      {
        titles: ['Cơ sở vật chất trường xuống cấp', 'Phòng học dột nát', 'Nhà vệ sinh trường học hư'],
        cores: [
          'Phòng học trường ở {place} bị dột, mưa xuống học sinh phải kê bàn né nước',
          'Nhà vệ sinh của trường THCS ở {place} hư hỏng, không có nước, học sinh phải nhịn',
        ],
      },
      {
        titles: ['Tuyển sinh đầu cấp', 'Con không được nhận vào lớp 1', 'Tuyển sinh lớp 6 bất hợp lý'],
        cores: [
          'Nhà tôi ở {place} đúng tuyến mà con không được nhận vào lớp 1 trường gần nhà',
          'Cách phân tuyến tuyển sinh lớp 6 ở {place} bất hợp lý, con phải đi học xa {n} cây số',
        ],
      },
      {
        titles: ['Dạy thêm học thêm', 'Giáo viên ép học thêm', 'Dạy thêm trái quy định'],
        cores: [
          'Giáo viên chủ nhiệm lớp con tôi ở {place} ép học sinh học thêm tại nhà, không học thì bị điểm kém',
          'Cô giáo trường ở {place} dạy thêm chính học sinh lớp mình, thu tiền mỗi tháng',
        ],
      },
      {
        titles: ['Học sinh bị bạo lực học đường', 'Giáo viên đánh học sinh'],
        cores: ['Con tôi học trường ở {place} bị bạn cùng lớp đánh, nhà trường không xử lý'],
      },
    ],
    details: [
      'Phụ huynh rất bức xúc',
      'Nhiều phụ huynh cùng ý kiến',
      'Ảnh hưởng việc học của các cháu',
      'Hỏi nhà trường thì không trả lời rõ ràng',
    ],
    asks: [
      'Đề nghị phòng giáo dục kiểm tra',
      'Đề nghị công khai các khoản thu',
      'Mong ngành giáo dục xem xét',
      'Đề nghị sửa chữa phòng học',
    ],
  },
  thu_tuc_hanh_chinh: {
    problems: [
      {
        titles: ['Hồ sơ trễ hẹn', 'Hồ sơ quá hạn chưa trả kết quả', 'Trễ hẹn trả kết quả'],
        cores: [
          'Tôi nộp hồ sơ tại bộ phận một cửa {place} từ {n} tuần trước, quá hẹn rồi chưa có kết quả',
          'Phiếu hẹn ghi trả kết quả hôm thứ hai mà tới nay bộ phận một cửa ở {place} vẫn bảo chờ',
        ],
      },
      {
        titles: ['Yêu cầu thêm giấy tờ', 'Bắt bổ sung giấy tờ nhiều lần', 'Đòi giấy tờ ngoài quy định'],
        cores: [
          'Làm thủ tục ở {place} bị yêu cầu bổ sung giấy tờ {n} lần, mỗi lần một kiểu',
          'Làm hồ sơ đăng ký kinh doanh ở {place} bị đòi thêm giấy xác nhận không có trong quy định',
        ],
      },
      {
        titles: [
          'Dịch vụ công trực tuyến lỗi',
          'Cổng dịch vụ công bị lỗi',
          'Không nộp được hồ sơ trực tuyến',
          'dvc truc tuyen loi',
        ],
        cores: [
          'Em nộp hồ sơ đăng ký khai sinh trên cổng dịch vụ công mà bấm thanh toán lệ phí hoài bị lỗi',
          'Cổng dịch vụ công tỉnh báo lỗi khi tải hồ sơ lên, không nộp được thủ tục',
        ],
      },
      {
        titles: ['Làm căn cước chậm', 'Chưa nhận được thẻ căn cước', 'Đăng ký thường trú'],
        cores: [
          'Tôi làm thẻ căn cước ở {place} đã {n} tháng mà chưa nhận được thẻ',
          'Đăng ký thường trú cho con ở {place} bị trả hồ sơ, không hướng dẫn rõ',
          'Tài khoản định danh điện tử VNeID của tôi chưa được kích hoạt mức 2',
        ],
      },
      {
        titles: ['Chứng thực giấy tờ', 'Hướng dẫn thủ tục'],
        cores: [
          'Không biết thủ tục xin giấy xác nhận tình trạng hôn nhân ở {place} cần những gì',
          'Chứng thực bản sao ở {place} phải xếp hàng cả buổi, chỉ có một người làm',
        ],
      },
    ],
    details: [
      'Phải đi lại nhiều lần rất mất thời gian',
      'Không ai hướng dẫn cụ thể',
      'Gọi số đường dây nóng không ai nghe',
      'Tôi cần gấp giấy tờ để đi làm',
    ],
    asks: [
      'Ai hướng dẫn giúp với',
      'Đề nghị giải quyết hồ sơ đúng hẹn',
      'Đề nghị kiểm tra lỗi hệ thống',
      'Mong được hướng dẫn đầy đủ một lần',
    ],
  },
  can_bo_cong_vu: {
    problems: [
      {
        titles: ['Thái độ cán bộ một cửa', 'Cán bộ xã thiếu lịch sự', 'Cán bộ quát nạt người dân'],
        cores: [
          'Cán bộ bộ phận một cửa ở {place} nói chuyện cộc lốc, quát người già',
          'Cán bộ tiếp dân ở {place} thái độ hách dịch, không thèm nghe dân trình bày',
        ],
      },
      {
        titles: ['Nhũng nhiễu gây khó dễ', 'Cán bộ đòi tiền bồi dưỡng', 'Cán bộ gợi ý chi tiền'],
        cores: [
          'Cán bộ địa chính ở {place} gợi ý phải bồi dưỡng thì hồ sơ mới nhanh',
          'Cán bộ ở {place} cố tình gây khó dễ, hẹn tới hẹn lui để đòi tiền',
        ],
      },
      {
        titles: ['Vắng mặt giờ làm việc', 'Cán bộ đi trễ về sớm', 'Cán bộ uống cà phê giờ hành chính'],
        cores: [
          'Tôi tới UBND {place} lúc {hour} giờ sáng mà phòng làm việc không có ai, cán bộ đi cà phê',
          'Cán bộ ở {place} thường xuyên đi trễ về sớm, dân phải chờ',
          'Trong giờ hành chính cán bộ ở {place} ngồi chơi điện thoại, bắt dân chờ',
        ],
      },
    ],
    details: [
      'Bắt chờ từ sáng tới trưa mới tiếp',
      'Người dân rất bức xúc',
      'Không xứng đáng là công bộc của dân',
      'Tôi có chứng kiến nhiều người cũng bị như vậy',
    ],
    asks: [
      'Mong lãnh đạo nhắc nhở',
      'Đề nghị xử lý kỷ luật cán bộ',
      'Đề nghị chấn chỉnh tác phong cán bộ',
      'Đề nghị kiểm tra làm rõ',
    ],
  },
  an_sinh_xa_hoi: {
    problems: [
      {
        titles: ['Chậm chi trợ cấp người cao tuổi', 'Chưa nhận được trợ cấp', 'Trợ cấp xã hội bị cắt'],
        cores: [
          'Mẹ tôi {n}0 tuổi ở {place} thuộc diện hưởng trợ cấp xã hội mà đã {n} tháng chưa nhận được tiền',
          'Cha tôi khuyết tật nặng ở {place} bị cắt trợ cấp mà không được thông báo lý do',
        ],
      },
      {
        titles: ['Xét hộ nghèo không công bằng', 'Bình xét hộ nghèo', 'Hộ cận nghèo'],
        cores: [
          'Việc bình xét hộ nghèo ở {place} không công bằng, nhà khá giả lại được, nhà khó khăn thì không',
          'Gia đình tôi ở {place} thuộc diện khó khăn mà không được xét hộ cận nghèo',
        ],
      },
      {
        titles: ['Chế độ người có công', 'Chưa giải quyết chế độ thương binh'],
        cores: ['Hồ sơ hưởng chế độ người có công của ông tôi ở {place} nộp lâu rồi chưa được giải quyết'],
      },
      {
        titles: ['Công ty nợ lương', 'Nợ lương công nhân', 'Không trả lương'],
        cores: [
          'Công ty trong khu công nghiệp ở {place} nợ lương công nhân {n} tháng rồi',
          'Chủ doanh nghiệp ở {place} bỏ trốn, hàng trăm công nhân chưa được trả lương',
        ],
      },
      {
        titles: ['Công ty không đóng bảo hiểm xã hội', 'Chốt sổ bảo hiểm xã hội', 'Trợ cấp thất nghiệp'],
        cores: [
          'Công ty ở {place} trừ tiền bảo hiểm xã hội của công nhân mà không đóng cho cơ quan bảo hiểm',
          'Tôi nghỉ việc ở công ty tại {place} mà không được chốt sổ bảo hiểm xã hội để lãnh trợ cấp thất nghiệp',
        ],
      },
    ],
    details: [
      'Gia đình rất khó khăn',
      'Hỏi xã thì bảo chờ',
      'Nhiều công nhân cùng cảnh',
      'Cuộc sống rất chật vật',
    ],
    asks: [
      'Mong được giải đáp khi nào chi',
      'Đề nghị phòng lao động thương binh xã hội kiểm tra',
      'Đề nghị can thiệp bảo vệ quyền lợi người lao động',
      'Đề nghị xem xét lại',
    ],
  },
  nong_nghiep_thuy_loi: {
    problems: [
      {
        titles: ['Kênh bị bồi lắng', 'Kênh thủy lợi cần nạo vét', 'Lục bình đầy kênh'],
        cores: [
          'Kênh thủy lợi cấp nước cho ruộng ở {place} bị bồi lắng, lục bình dày kín, không bơm nước vô ruộng được',
          'Kênh nội đồng ở {place} lâu năm chưa nạo vét, mùa khô cạn nước tưới',
        ],
      },
      {
        titles: ['Cống thủy lợi bị hư', 'Cống đóng mở không được', 'Cống ngăn mặn hư'],
        cores: [
          'Cống thủy lợi ở {place} bị hư cánh cửa, không đóng mở được, nước mặn vào ruộng',
          'Cống bọng nội đồng ở {place} bị sụp, nước không lưu thông',
        ],
      },
      {
        titles: ['Dịch bệnh trên lúa', 'Rầy nâu phá lúa', 'Sâu bệnh thanh long', 'Dịch tả heo châu Phi'],
        cores: [
          'Ruộng lúa ở {place} bị rầy nâu tấn công, cháy từng chòm, bà con xịt thuốc không hết',
          'Vườn thanh long ở {place} bị bệnh đốm nâu lan rộng, trái bị thối',
          'Ở {place} có heo chết nghi dịch tả châu Phi, chưa thấy thú y xuống',
        ],
      },
      {
        titles: ['Giá lúa giảm', 'Thương lái ép giá nông sản', 'Giá thanh long rớt'],
        cores: [
          'Thương lái ép giá lúa ở {place}, hạ giá cả trăm đồng mỗi ký',
          'Thanh long ở {place} rớt giá thê thảm, nhà vườn lỗ nặng',
        ],
      },
      {
        titles: ['Phân bón giả', 'Thuốc bảo vệ thực vật kém chất lượng'],
        cores: ['Đại lý ở {place} bán phân bón kém chất lượng, bón vô lúa không lên'],
      },
    ],
    details: [
      'Bà con nông dân rất lo lắng',
      'Ảnh hưởng vụ Đông Xuân',
      'Mất mùa thì nông dân trắng tay',
      'Năng suất giảm nhiều',
    ],
    asks: [
      'Xin xã cho nạo vét trước vụ',
      'Đề nghị ngành nông nghiệp hướng dẫn phòng trừ',
      'Đề nghị sửa chữa cống thủy lợi',
      'Mong nhà nước hỗ trợ tiêu thụ nông sản',
    ],
  },
  thien_tai: {
    problems: [
      {
        titles: ['Sạt lở bờ sông', 'Sạt lở bờ sông Vàm Cỏ', 'Bờ kênh sạt lở vào nhà dân'],
        cores: [
          'Bờ sông Vàm Cỏ đoạn qua {place} bị sạt lở, đất nứt sát chân nhà dân',
          'Đêm qua bờ kênh ở {place} sạt lở một đoạn dài {n}0m, cuốn trôi cả vườn cây',
          'Đường ven sông ở {place} xuất hiện vết nứt dài, nguy cơ sạt lở xuống sông',
        ],
      },
      {
        titles: ['Xâm nhập mặn', 'Nước mặn vào ruộng', 'Độ mặn tăng cao'],
        cores: [
          'Nước mặn xâm nhập sâu vào kênh ở {place}, độ mặn đo được {n} phần nghìn, lúa bị cháy lá',
          'Mùa khô năm nay mặn vào sớm ở {place}, bà con không có nước ngọt tưới vườn',
        ],
      },
      {
        titles: ['Lốc xoáy tốc mái nhà', 'Giông lốc làm sập nhà', 'Lốc xoáy'],
        cores: [
          'Chiều nay cơn lốc xoáy ở {place} làm tốc mái {n} căn nhà, cây cối ngã đổ',
          'Giông lốc bất ngờ ở {place} làm sập nhà tạm của một hộ nghèo',
        ],
      },
      {
        titles: ['Triều cường vỡ đê', 'Nguy cơ vỡ đê bao', 'Đê bao bị thấm'],
        cores: [
          'Đê bao ở {place} bị thấm và sạt một đoạn, triều cường dâng cao có nguy cơ vỡ',
          'Triều cường kết hợp mưa lớn làm vỡ đê bao ở {place}, lúa ngập trắng đồng',
        ],
      },
    ],
    details: [
      'Bà con rất lo sợ',
      'Cần di dời dân khẩn cấp',
      'Tình hình ngày càng nghiêm trọng',
      'Nhiều hộ dân bị ảnh hưởng',
    ],
    asks: [
      'Đề nghị ban chỉ huy phòng chống thiên tai kiểm tra gấp',
      'Đề nghị hỗ trợ di dời khẩn cấp',
      'Đề nghị gia cố bờ sông',
      'Mong chính quyền hỗ trợ khắc phục hậu quả',
    ],
  },
  chuyen_doi_so: {
    problems: [
      {
        titles: ['Lỗi ứng dụng Long An Số', 'App Long An Số không đăng nhập được', 'Ứng dụng bị văng'],
        cores: [
          'Ứng dụng Long An Số trên điện thoại của tôi bị lỗi, mở lên là văng ra',
          'Tôi không đăng nhập được ứng dụng Long An Số, mã OTP không gửi về',
          'App Long An Số không gửi được phản ánh, bấm gửi báo lỗi kết nối',
        ],
      },
      {
        titles: ['Sóng điện thoại yếu', 'Mất sóng di động', 'Internet chập chờn'],
        cores: [
          'Khu vực {place} sóng điện thoại rất yếu, gọi điện không được, học trực tuyến bị rớt mạng',
          'Mạng internet cáp quang ở {place} chập chờn cả tuần, báo nhà mạng chưa sửa',
        ],
      },
      {
        titles: ['Cáp viễn thông treo thấp', 'Dây cáp chằng chịt', 'Cáp internet rơi xuống đường'],
        cores: [
          'Dây cáp viễn thông trên đường {road} ở {place} treo thấp, chằng chịt, xe tải đi qua vướng',
          'Cuộn cáp internet bị đứt rơi xuống lòng đường ở {place}, người đi xe máy dễ vướng',
        ],
      },
      {
        titles: ['Tin nhắn lừa đảo', 'Tin nhắn rác quảng cáo', 'Cuộc gọi rác'],
        cores: [
          'Tôi nhận tin nhắn giả danh ngân hàng yêu cầu bấm đường link cập nhật thông tin',
          'Ngày nào cũng nhận {n} tin nhắn rác quảng cáo cờ bạc, vay tiền từ đầu số lạ',
        ],
      },
      {
        titles: ['Wifi công cộng', 'Thanh toán không dùng tiền mặt'],
        cores: [
          'Wifi miễn phí ở khu vực công cộng {place} không kết nối được',
          'Đóng học phí qua ứng dụng ngân hàng ở {place} bị lỗi, nhà trường không nhận',
        ],
      },
    ],
    details: [
      'Nhiều người cũng bị như vậy',
      'Đã gỡ ra cài lại vẫn không được',
      'Ảnh hưởng công việc và học tập',
      'Nhà mạng hẹn hoài chưa xử lý',
    ],
    asks: [
      'Đề nghị sửa lỗi ứng dụng',
      'Đề nghị nhà mạng nâng cấp trạm phát sóng',
      'Đề nghị bó gọn cáp viễn thông',
      'Đề nghị chặn tin nhắn lừa đảo',
    ],
  },
  van_hoa_du_lich: {
    problems: [
      {
        titles: ['Quán bar hoạt động quá giờ', 'Quán karaoke kinh doanh quá giờ', 'Vũ trường mở nhạc lớn'],
        cores: [
          'Quán karaoke kinh doanh ở {place} hoạt động tới {hour} giờ sáng, khách ra vào ồn ào',
          'Quán bar trên đường {road} ở {place} mở nhạc sàn quá giờ quy định, không có giấy phép',
        ],
      },
      {
        titles: ['Di tích xuống cấp', 'Di tích lịch sử bị bỏ hoang', 'Đình làng xuống cấp'],
        cores: [
          'Di tích lịch sử ở {place} xuống cấp nghiêm trọng, mái ngói bể, tường rêu phong',
          'Đình làng cổ ở {place} bị dột nát, bia di tích bị bôi bẩn',
          'Khu di tích ở {place} cỏ mọc um tùm, không có người trông coi',
        ],
      },
      {
        titles: ['Lễ hội mất trật tự', 'Lễ hội thu phí bất hợp lý', 'Lễ hội chèo kéo du khách'],
        cores: [
          'Lễ hội ở {place} có nhiều người chèo kéo bán hàng, thu tiền giữ xe cắt cổ',
          'Trong lễ hội ở {place} có trò chơi ăn tiền trá hình',
        ],
      },
      {
        titles: ['Nhà văn hóa bị bỏ trống', 'Sân bóng bị chiếm dụng', 'Thiếu sân chơi thể thao'],
        cores: [
          'Nhà văn hóa ấp ở {place} bị khóa cửa quanh năm, không cho người dân sinh hoạt',
          'Sân bóng đá của xã ở {place} bị cho thuê làm bãi giữ xe',
        ],
      },
      {
        titles: ['Khu du lịch chặt chém', 'Điểm du lịch thiếu an toàn'],
        cores: ['Khu du lịch sinh thái ở {place} tính giá cao gấp {n} lần niêm yết, thái độ phục vụ kém'],
      },
    ],
    details: [
      'Ảnh hưởng hình ảnh du lịch của tỉnh',
      'Người dân xung quanh bức xúc',
      'Nhiều lần nhắc nhở không thay đổi',
      'Không có biển niêm yết',
    ],
    asks: [
      'Đề nghị kiểm tra giấy phép kinh doanh karaoke',
      'Đề nghị trùng tu di tích',
      'Đề nghị ngành văn hóa chấn chỉnh',
      'Mong được quan tâm đầu tư',
    ],
  },
  gop_y_chinh_sach: {
    problems: [
      {
        titles: ['Đề xuất làm đường', 'Kiến nghị mở rộng đường', 'Đề xuất nâng cấp tuyến đường'],
        cores: [
          'Tôi đề xuất tỉnh xem xét mở rộng đường {road} đoạn qua {place} vì lưu lượng xe ngày càng đông',
          'Kiến nghị đầu tư làm đường nhựa cho tuyến liên ấp ở {place}, bà con sẵn sàng hiến đất',
        ],
      },
      {
        titles: ['Đề xuất lắp camera an ninh', 'Kiến nghị lắp camera giám sát', 'Hiến kế lắp camera'],
        cores: [
          'Đề nghị lắp camera giám sát ở các ngã tư trên {road} qua {place} để giữ an ninh',
          'Tôi hiến kế lắp camera kết nối trung tâm giám sát điều hành ở các khu dân cư như {place}',
        ],
      },
      {
        titles: ['Góp ý quy hoạch', 'Điều chỉnh quy hoạch', 'Kiến nghị về quy hoạch treo'],
        cores: [
          'Khu quy hoạch ở {place} treo hơn {n} năm, dân không xây được nhà, đề nghị điều chỉnh quy hoạch',
          'Tôi góp ý quy hoạch khu dân cư mới ở {place} nên dành đất cho công viên và trường học',
        ],
      },
      {
        titles: ['Góp ý chính sách', 'Hiến kế phát triển', 'Đề xuất xây cầu'],
        cores: [
          'Tôi xin góp ý tỉnh nên có chính sách hỗ trợ thanh niên khởi nghiệp ở vùng nông thôn như {place}',
          'Đề xuất xây cầu bê tông thay đò ngang ở {place} để học sinh đi học an toàn',
          'Kiến nghị tỉnh xây thêm trường mầm non ở {place} vì khu công nghiệp đông công nhân',
        ],
      },
    ],
    details: [
      'Đây là ý kiến của nhiều cử tri',
      'Mong được lãnh đạo tỉnh quan tâm',
      'Sẽ góp phần phát triển kinh tế địa phương',
      'Người dân đồng tình ủng hộ',
    ],
    asks: [
      'Kính mong UBND tỉnh xem xét',
      'Mong ý kiến được tiếp thu',
      'Đề nghị đưa vào kế hoạch đầu tư công',
      'Xin cảm ơn các cấp lãnh đạo đã lắng nghe',
    ],
  },
  khac: {
    problems: [
      {
        titles: ['Hỏi thông tin', 'Cần hỏi', 'Xin thông tin', 'hoi chut'],
        cores: [
          'Cho tôi hỏi số điện thoại đường dây nóng của UBND {place} là số mấy',
          'Xin cho hỏi giờ làm việc của bộ phận tiếp dân ở {place}',
          'Tôi muốn biết địa chỉ liên hệ để hỏi một việc ở {place}',
        ],
      },
      {
        titles: ['Cảm ơn tổng đài', 'Khen ngợi', 'Cảm ơn chính quyền'],
        cores: [
          'Tôi xin cảm ơn tổng đài 1022 đã tiếp nhận và chuyển ý kiến nhanh chóng',
          'Cảm ơn các anh chị ở {place} đã nhiệt tình giúp đỡ gia đình tôi',
        ],
      },
      {
        titles: ['Thử ứng dụng', 'test', 'Gửi nhầm'],
        cores: ['Tôi gửi thử xem có nhận được không', 'Gửi nhầm, xin bỏ qua giúp', 'Test thử chức năng gửi'],
      },
      {
        titles: ['Việc riêng', 'Nhờ giúp đỡ', 'Tìm người thân'],
        cores: [
          'Tôi cần tìm người thân đã mất liên lạc lâu năm, trước sống ở {place}',
          'Nhờ tổng đài chuyển lời tới người quen ở {place}',
          'Con chó nhà tôi ở {place} đi lạc, ai thấy báo giúp',
        ],
      },
    ],
    details: ['Không biết hỏi ai', 'Mong được phản hồi', 'Cảm ơn nhiều'],
    asks: ['Xin cảm ơn', 'Mong được trả lời', 'Nhờ giúp đỡ', 'Cảm ơn tổng đài'],
  },
};

/** Roads and places of Long An (real names) used in the slots. */
export const ROADS = [
  'QL1',
  'Quốc lộ 1A',
  'QL62',
  'QL50',
  'QL N2',
  'ĐT830',
  'ĐT824',
  'ĐT825',
  'ĐT826',
  'ĐT827A',
  'ĐT833',
  'ĐT835',
  'ĐT818',
  'ĐT822',
  'ĐT831',
  'Hùng Vương',
  'Nguyễn Huệ',
  'Trương Định',
  'Nguyễn Trung Trực',
  'Bảo Định',
  'Châu Văn Giác',
  'Huỳnh Văn Nhứt',
  'Nguyễn Đình Chiểu',
  'Võ Văn Tần',
  'Nguyễn Thông',
  'Trần Phong Sắc',
  'Nguyễn Cửu Vân',
  'Lê Văn Tường',
  'Nguyễn Văn Tiếp',
  'Vành đai Tân An',
  'đường tỉnh 830',
  'đường Cần Giuộc – Cần Đước',
];

export const HAMLETS = [
  'ấp 1',
  'ấp 2',
  'ấp 3',
  'ấp 4',
  'ấp 5',
  'ấp Bình Hòa',
  'ấp Long Thạnh',
  'ấp Mới',
  'ấp Chánh',
  'ấp Cầu',
  'ấp Bình Tả 2',
  'ấp Ca Đài',
  'ấp Tân Hòa',
  'ấp Bà Mía',
  'khu phố 1',
  'khu phố 2',
  'khu phố 3',
  'tổ 5',
  'khu dân cư Phú Mỹ',
  'cụm dân cư vượt lũ',
];
