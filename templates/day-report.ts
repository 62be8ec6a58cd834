/**
 * 日計表: what the day's close prints and keeps. The business day, the counter transactions per act
 * and per payment, tax per rate, refunds, the cash expected against the cash counted, the token stock
 * expected against counted, the collected tokens to return, who worked and who closed, and the hash
 * of the close's journal entry (the chain head), so that the sheet can be checked against the ledger.
 */
import type { DayFigures } from '../domain/day-figures';
import { formatJstDate, formatJstDateTime, formatYen } from '../domain/format';
import { PAYMENT_LABELS, PAYMENT_METHODS, type Operator, type TokenState } from '../domain/types';
import { TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import type { Branch } from '../domain/validation';
import type { PaperSize } from '../domain/printing';
import { PageLayout, renderOn, WIDTH, type Cell, type Sheet } from './page-layout';

export interface DayReport {
  branch: Branch;
  businessDate: string;
  closedAt: Date;
  closedBy: Operator;
  /** The first and last moments of the work the close covers. */
  from: Date | null;
  figures: DayFigures;
  countedCash: number;
  cashReason: string;
  stock: { state: TokenState; expected: number; counted: number }[];
  stockReason: string;
  collected: number;
  operators: string[];
  chainHead: string;
}

const TITLE = '日計表';
const yenSigned = (n: number) => (n < 0 ? `−${formatYen(-n)}` : formatYen(n));

export function renderDayReport(r: DayReport, paper: PaperSize = 'A4'): Buffer {
  return renderOn(paper, TITLE, r.closedAt, (sheet) => drawDayReport(sheet, r));
}

function drawDayReport(sheet: Sheet, r: DayReport): PageLayout {
  const era = { era: r.branch.japaneseEra };
  const layout = new PageLayout(sheet, { title: TITLE, reference: `営業日 ${r.businessDate}`, corner: `${r.branch.branchName} 端末 ${r.branch.terminalNo}` });
  const label = (text: string, width = 120): Cell => ({ text, width, shade: true });
  const row = (name: string, text: string, bold = false): Cell[] => [label(name), { text, width: WIDTH - 120, bold }];

  layout.title(TITLE);
  layout.table([
    row('営業日', formatJstDate(new Date(`${r.businessDate}T00:00:00+09:00`), era), true),
    row('店舗', `${r.branch.bankName} ${r.branch.branchName}（店番 ${r.branch.branchCode}） 端末 ${r.branch.terminalNo}`),
    row('締め日時', formatJstDateTime(r.closedAt, era)),
    row('締めた役席者', `${r.closedBy.name}（${r.closedBy.operatorId}）`),
    row('対象の記録', r.from ? `${formatJstDateTime(r.from, era)} から` : '取引なし'),
    row('取扱者', r.operators.join('、') || '—'),
  ]);

  layout.heading('取引別');
  const w = [WIDTH - 200, 80, 120];
  layout.table(
    r.figures.acts.length > 0
      ? r.figures.acts.map((a) => [{ text: a.label, width: w[0]! }, { text: `${a.count}件`, width: w[1]!, align: 'right' as const }, { text: yenSigned(a.amount), width: w[2]!, align: 'right' as const }])
      : [[{ text: '取引はありません', width: WIDTH }]],
    { head: [label('取引', w[0]), { text: '件数', width: w[1]!, shade: true, align: 'right' }, { text: '金額（税込）', width: w[2]!, shade: true, align: 'right' }] },
  );

  layout.heading('お支払方法別・税率別');
  layout.table([
    ...PAYMENT_METHODS.map((m) => [label(PAYMENT_LABELS[m], 200), { text: yenSigned(r.figures.byPayment[m]), width: WIDTH - 200, align: 'right' as const }]),
    ...r.figures.taxes.map((t) => [label(`${t.ratePercent}%対象`, 200), { text: `${yenSigned(t.totalInclTax)}（うち消費税 ${yenSigned(t.tax)}）`, width: WIDTH - 200, align: 'right' as const }]),
    [label('返金', 200), { text: `${r.figures.refunds.count}件 ${yenSigned(r.figures.refunds.amount)}`, width: WIDTH - 200, align: 'right' as const }],
  ]);

  const difference = r.countedCash - r.figures.expectedCash;
  layout.heading('現金');
  layout.table([
    [label('帳簿上の現金（現金の手数料 − 現金の返金）', 300), { text: yenSigned(r.figures.expectedCash), width: WIDTH - 300, align: 'right' }],
    [label('数えた現金', 300), { text: yenSigned(r.countedCash), width: WIDTH - 300, align: 'right', bold: true }],
    [label('過不足', 300), { text: difference === 0 ? '0円（過不足なし）' : `${difference > 0 ? '+' : ''}${yenSigned(difference)}`, width: WIDTH - 300, align: 'right', bold: difference !== 0 }],
    ...(difference !== 0 ? [[label('過不足の理由', 300), { text: r.cashReason, width: WIDTH - 300 }]] : []),
  ]);

  layout.heading('トークン在庫');
  const s = [WIDTH - 240, 80, 80, 80];
  layout.table(
    [
      ...r.stock.map((x) => [
        { text: TOKEN_STATE_LABELS[x.state], width: s[0]! },
        { text: `${x.expected}個`, width: s[1]!, align: 'right' as const },
        { text: `${x.counted}個`, width: s[2]!, align: 'right' as const },
        { text: x.counted === x.expected ? '—' : `${x.counted - x.expected > 0 ? '+' : ''}${x.counted - x.expected}個`, width: s[3]!, align: 'right' as const, bold: x.counted !== x.expected },
      ]),
      [{ text: `ベンダーへ返却する回収トークン: ${r.collected}個${r.stockReason ? ` 差異の理由: ${r.stockReason}` : ''}`, width: WIDTH }],
    ],
    { head: [label('状態', s[0]), { text: '帳簿', width: s[1]!, shade: true, align: 'right' }, { text: '実査', width: s[2]!, shade: true, align: 'right' }, { text: '差異', width: s[3]!, shade: true, align: 'right' }] },
  );

  layout.heading('台帳');
  // The hash on one line of its own, so that it can be read off and compared character by character.
  layout.table([[label('締めの記録のハッシュ（SHA-256）', WIDTH)], [{ text: r.chainHead, width: WIDTH, size: 9 }]]);
  return layout;
}
