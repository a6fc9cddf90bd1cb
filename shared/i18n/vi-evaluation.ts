// Vietnamese text of the monthly evaluation calendar (Đánh giá hằng tháng). Joined into `vi` as
// `vi.evaluation`. Self-contained on purpose: shared/i18n/vi.ts imports this file, so it must not
// import vi.ts back.

/** date-fns getDay() order: 0 = Sunday. */
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** 'YYYY-MM' → 'MM/yyyy' (how the letters name a month). */
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

const daysLeftText = (n: number) => (n > 0 ? `còn ${n} ngày` : n === 0 ? 'hôm nay' : `quá ${-n} ngày`);

export const viEvaluation = {
  title: 'Đánh giá hằng tháng',
  nav: 'Đánh giá hằng tháng',
  lead: (w: { selfEvalStartDay: number; selfEvalEndDay: number; unitEvalDay: number; sendBeforeDay: number }) =>
    `Cá nhân tự đánh giá từ ngày ${w.selfEvalStartDay} đến ngày ${w.selfEvalEndDay}, đơn vị đánh giá vào ngày ${w.unitEvalDay}, gửi kết quả bản PDF trước ngày ${w.sendBeforeDay} hằng tháng. Gửi muộn bị tính điểm trừ trong công tác cải cách hành chính.`,
  weekdays: WEEKDAYS,
  weekdaysShort: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'] as const,
  monthLabel,
  monthTitle: (month: string) => `Tháng ${monthLabel(month)}`,
  daysLeft: daysLeftText,
  today: (weekday: string, date: string) => `Hôm nay: ${weekday}, ${date}`,
  steps: {
    selfEval: 'Cá nhân tự đánh giá',
    unitEval: 'Đơn vị đánh giá',
    send: 'Gửi kết quả PDF',
  },
  done: (date: string) => `✓ đã thực hiện ${date}`,
  sent: (date: string, to: string) => (to ? `✓ đã gửi ${date} tới ${to}` : `✓ đã gửi ${date}`),
  stepDates: {
    range: (from: string, to: string) => `${from} – ${to}`,
    sendBy: (date: string) => `chậm nhất ${date}`,
  },
  phase: {
    before_self_eval: 'Chưa đến kỳ tự đánh giá',
    self_eval: 'Đang trong thời gian cá nhân tự đánh giá',
    before_unit_eval: 'Sắp đến ngày đơn vị đánh giá',
    unit_eval: 'Hôm nay là ngày đơn vị đánh giá',
    sending: 'Đang trong thời gian gửi kết quả PDF',
    after_deadline: 'Đã qua hạn gửi kết quả tháng này',
  },
  pdfState: {
    on_time: 'Đúng hạn',
    late: 'Muộn',
    overdue: 'Chưa gửi – quá hạn',
    open: 'Chưa gửi',
    upcoming: 'Chưa đến kỳ',
    untracked: 'Chưa theo dõi',
  },
  stepState: {
    on_time: 'Đúng thời gian',
    self_off_window: 'Ngoài thời gian tự đánh giá',
    unit_off_day: 'Không đúng ngày',
    not_done: 'Chưa thực hiện',
    pending: '',
  },
  noSendBeforeDay: (day: number, lastDay: string) => `Tháng này không có ngày ${day}: hạn gửi là ngày cuối tháng (${lastDay}).`,
  weekendWarning: (weekday: string, date: string, suggested: string, suggestedWeekday: string) =>
    `Hạn gửi ${date} rơi vào ${weekday}; văn bản không cho lùi hạn. Nên gửi chậm nhất ${suggestedWeekday} ${suggested}.`,
  legend: {
    selfEval: 'Cá nhân tự đánh giá',
    unitEval: 'Đơn vị đánh giá',
    lastDay: 'Hạn cuối gửi PDF',
    today: 'Hôm nay',
  },
  record: {
    button: 'Ghi nhận',
    title: (month: string) => `Ghi nhận đánh giá tháng ${monthLabel(month)}`,
    hint: 'Ghi ngày thực tế. Có thể sửa lại khi nhập nhầm; mọi thay đổi đều được ghi nhật ký.',
    saved: (month: string) => `Đã ghi nhận đánh giá tháng ${monthLabel(month)}.`,
    recipientHint: 'Mặc định lấy theo lần gửi trước hoặc địa chỉ nhận báo cáo của đơn vị. Trường học gửi phòng Giáo dục và Đào tạo.',
  },
  year: {
    title: (year: number) => `Tổng hợp năm ${year}`,
    previous: 'Năm trước',
    next: 'Năm sau',
    lateCount: (n: number) => `Số tháng gửi muộn: ${n}`,
    onTimeCount: (n: number) => `Đúng hạn: ${n}`,
    month: 'Tháng',
    deadline: 'Hạn cuối',
    state: 'Kết quả',
    tableLabel: (year: number) => `Đánh giá hằng tháng năm ${year}`,
  },
  settings: {
    title: 'Thời gian đánh giá',
    hint: 'Theo văn bản của cấp trên (mặc định: 22–24, ngày 25, trước ngày 29). Ngày không có trong tháng được tính là ngày cuối tháng.',
    saved: 'Đã lưu thời gian đánh giá.',
  },
  card: {
    title: 'Đánh giá hằng tháng',
    nextDeadline: (month: string) => `Hạn gửi kết quả PDF tháng ${monthLabel(month)}`,
    nextStep: 'Việc tiếp theo',
    overdue: (month: string) => `Tháng ${monthLabel(month)}: chưa gửi kết quả PDF, đã quá hạn.`,
    open: 'Mở lịch đánh giá',
  },
  banner: {
    label: 'Nhắc việc đánh giá hằng tháng',
    open: 'Mở lịch đánh giá',
    hide: 'Ẩn nhắc việc',
  },
  reminder: {
    title: 'Đánh giá hằng tháng',
    self_eval_open: (month: string, from: string, to: string) =>
      `Tháng ${monthLabel(month)}: cá nhân tự đánh giá trên phần mềm từ ${from} đến ${to}.`,
    unit_eval_today: (month: string) => `Hôm nay đơn vị đánh giá kết quả tháng ${monthLabel(month)}.`,
    deadline_on_weekend: (month: string, date: string, weekday: string, suggested: string) =>
      `Tháng ${monthLabel(month)}: hạn cuối gửi PDF (${date}) rơi vào ${weekday}. Nên gửi chậm nhất ${suggested}.`,
    send_due_soon: (month: string, date: string, daysLeft: number) =>
      `Tháng ${monthLabel(month)}: gửi kết quả PDF chậm nhất ${date} (${daysLeftText(daysLeft)}).`,
    pdf_overdue: (month: string, date: string, daysLate: number) =>
      `Tháng ${monthLabel(month)}: chưa gửi kết quả PDF, đã quá hạn ${date} (${daysLate} ngày). Gửi muộn bị tính điểm trừ cải cách hành chính.`,
  },
  audit: {
    create: (month: string) => `Ghi nhận đánh giá tháng ${monthLabel(month)}`,
    update: (month: string) => `Sửa ghi nhận đánh giá tháng ${monthLabel(month)}`,
  },
  fields: {
    month: 'Tháng',
    year: 'Năm',
    count: 'Số tháng',
    selfEvalDoneOn: 'Ngày cá nhân hoàn thành tự đánh giá',
    unitEvalOn: 'Ngày đơn vị đánh giá',
    pdfSentOn: 'Ngày gửi kết quả PDF',
    sentTo: 'Gửi tới (thư điện tử)',
    selfEvalStartDay: 'Cá nhân tự đánh giá từ ngày',
    selfEvalEndDay: 'Cá nhân tự đánh giá đến ngày',
    unitEvalDay: 'Đơn vị đánh giá vào ngày',
    sendBeforeDay: 'Gửi kết quả PDF trước ngày',
  },
  errors: {
    badMonth: 'Tháng không hợp lệ (dạng yyyy-mm).',
    futureMonth: 'Không ghi nhận trước cho tháng chưa đến.',
    dayOfMonth: 'Phải là ngày trong tháng, từ 1 đến 31.',
    badYear: 'Năm không hợp lệ.',
    badEmail: 'Địa chỉ thư điện tử không hợp lệ.',
    sentToRequired: 'Cần nhập địa chỉ đã gửi kết quả PDF.',
    beforeMonth: (month: string) => `Ngày này phải từ 01/${monthLabel(month)} trở đi.`,
    future: 'Ngày không được sau hôm nay.',
    unitBeforeSelf: 'Ngày đơn vị đánh giá không được trước ngày cá nhân hoàn thành tự đánh giá.',
    sentBeforeUnit: 'Ngày gửi PDF không được trước ngày đơn vị đánh giá.',
    windowEndBeforeStart: 'Ngày kết thúc tự đánh giá phải từ ngày bắt đầu trở đi.',
    windowUnitNotAfterSelf: 'Ngày đơn vị đánh giá phải sau ngày kết thúc tự đánh giá.',
    windowSendNotAfterUnit: 'Hạn gửi PDF phải sau ngày đơn vị đánh giá.',
  },
} as const;

export type ViEvaluation = typeof viEvaluation;
