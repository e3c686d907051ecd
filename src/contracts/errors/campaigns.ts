/** Errors of the campaigns module: HTTP status and message in Vietnamese (first) and English. */
export const CAMPAIGNS_ERRORS = {
  campaign_quarter_not_open: {
    status: 409,
    vi: 'Kỳ báo cáo {quarter} chưa mở hoặc đã khóa sổ; không thể lập hay sửa báo cáo.',
    en: 'The reporting period {quarter} is not open (not started or closed); the report cannot be created or edited.',
  },
  campaign_report_not_editable: {
    status: 409,
    vi: 'Báo cáo đang ở trạng thái “{status}”, không thể sửa hay gửi lại.',
    en: 'The report is “{status}” and cannot be edited or submitted again.',
  },
  campaign_not_assigned: {
    status: 403,
    vi: 'Đơn vị này không được giao nhiệm vụ trong kế hoạch.',
    en: 'This agency has no task in the plan.',
  },
  campaign_unknown_measure: {
    status: 400,
    vi: 'Chỉ tiêu “{code}” không thuộc nhiệm vụ được giao cho đơn vị.',
    en: 'Measure “{code}” is not part of the tasks assigned to the agency.',
  },
  campaign_figure_impossible: {
    status: 400,
    vi: 'Số liệu “{measure}” ({value}) vượt quá {base} ({baseValue}) của địa bàn.',
    en: '“{measure}” ({value}) exceeds the unit’s {base} ({baseValue}).',
  },
  campaign_choose_agency: {
    status: 400,
    vi: 'Hãy chọn đơn vị báo cáo.',
    en: 'Choose the reporting agency.',
  },
  campaign_comment_required: {
    status: 400,
    vi: 'Cần ghi rõ nội dung yêu cầu bổ sung, chỉnh sửa.',
    en: 'Say what must be corrected.',
  },
  campaign_unit_outside_team: {
    status: 403,
    vi: 'Xã/phường này không thuộc địa bàn của Tổ.',
    en: 'This commune is outside the team’s area.',
  },
  campaign_date_in_future: {
    status: 400,
    vi: 'Ngày hoạt động không được sau ngày hôm nay.',
    en: 'The activity date cannot be in the future.',
  },
  campaign_plan_number_taken: {
    status: 409,
    vi: 'Đã có kế hoạch số “{number}”.',
    en: 'A plan numbered “{number}” already exists.',
  },
  campaign_plan_dates: {
    status: 400,
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The end date must be after the start date.',
  },
  campaign_edit_orphans_reports: {
    status: 409,
    vi: 'Không thể thu hẹp thời gian thực hiện: đã có báo cáo {quarter} nằm ngoài khoảng thời gian mới.',
    en: 'The period cannot be shortened: there is a report for {quarter} outside the new period.',
  },
  campaign_measure_has_figures: {
    status: 409,
    vi: 'Không thể xóa hay đổi mã chỉ tiêu “{measure}”: đã có {count} báo cáo nhập số liệu cho chỉ tiêu này.',
    en: 'The measure “{measure}” cannot be removed or recoded: {count} reports have figures for it.',
  },
  campaign_edit_orphans_figures: {
    status: 409,
    vi: 'Không thể đổi đơn vị thực hiện: {agency} đã báo cáo số liệu cho nhiệm vụ này.',
    en: 'The assignees cannot change: {agency} has reported figures for this task.',
  },
  campaign_measure_code_taken: {
    status: 409,
    vi: 'Mã chỉ tiêu “{code}” đã dùng cho nhiệm vụ khác của kế hoạch.',
    en: 'The measure code “{code}” is already used by another task of the plan.',
  },
  campaign_assignee_agency: {
    status: 400,
    vi: 'Chọn đơn vị được giao khi giao cho một đơn vị (và chỉ khi đó).',
    en: 'Choose the agency when assigning to one agency (and only then).',
  },
  campaign_target_invalid: {
    status: 400,
    vi: 'Mục tiêu không hợp lệ: {reason}.',
    en: 'Invalid target: {reason}.',
  },
  campaign_adoption_invalid: {
    status: 400,
    vi: 'Số liệu ứng dụng không hợp lệ: {reason}.',
    en: 'Invalid app figures: {reason}.',
  },
  campaign_member_invalid: {
    status: 400,
    vi: 'Thành viên Tổ không hợp lệ: {reason}.',
    en: 'Invalid team member: {reason}.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
