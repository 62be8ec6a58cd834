/**
 * 回収トークン返却一覧: the list that travels in the parcel of collected tokens back to the vendor.
 * A document for the vendor, not the customer: no fee, no notices, no 受付印, and no customer data
 * (serials, reasons and dates only). Drawn with page-layout.ts, A4 portrait (A5 and the roll
 * from the same parts; on the roll the sender goes under the receiver and the signatures under each other):
 *
 *   トークン業者 御中                                        ○○信用金庫
 *   ─────────────                                       本店営業部（店番 001）
 *                                                             端末 01
 *                          回収トークン返却一覧
 *   | 返却番号 | R001-01-00003 | 返却日   | 2026年11月25日     |
 *   | 返却件数 | 45個          | 発送担当 | 窓口 花子（T0123） |
 *   ▌交換理由別の件数   | 故障 | 15個 | 破損 | 15個 | 電池切れ | 15個 | 合計 | 45個 |
 *   ▌返却トークン       | No. | シリアル番号 | 交換理由 | 回収日 |  (head row on every page)
 *   ▌受け渡し           [発送者: 日付, 署名・印]  [受領者: 日付, 署名・印]
 *   返却番号 …                     1 / n                     ○○信用金庫 本店営業部
 */
import { EXCHANGE_REASON_LABELS, EXCHANGE_REASONS, type ExchangeReason } from '../domain/counter-rules';
import { formatJstDate, type DateStyle } from '../domain/format';
import type { Operator } from '../domain/types';
import { formatSerial, type Branch } from '../domain/validation';
import type { PaperSize } from '../domain/printing';
import { MUTED, PageLayout, renderOn, SHADE, WIDTH, type Cell, type Sheet, type Style } from './page-layout';

/** Who receives the parcel. The bank deals with one token maker; its name is not a setting yet. */
export const RETURN_RECEIVER = 'トークン業者';

const TITLE = '回収トークン返却一覧';

/** "R101-01-00003": return batches are numbered per terminal, apart from receipts. */
export function returnBatchNo(branch: Pick<Branch, 'branchCode' | 'terminalNo'>, batchId: number): string {
  return `R${branch.branchCode}-${branch.terminalNo}-${String(batchId).padStart(5, '0')}`;
}

export interface ReturnedToken {
  serial: string;
  /** Why the customer handed it in (交換理由). */
  reason: ExchangeReason;
  /** When it was handed in at the counter. */
  collectedAt: Date;
}

export interface ReturnList {
  branch: Branch;
  /** Who packs and sends the parcel. */
  operator: Operator;
  batchId: number;
  createdAt: Date;
  tokens: ReturnedToken[];
}

class ReturnLayout extends PageLayout {
  private readonly dates: DateStyle;

  constructor(
    sheet: Sheet,
    private readonly list: ReturnList,
  ) {
    const { branch } = list;
    super(sheet, { title: TITLE, reference: `返却番号 ${returnBatchNo(branch, list.batchId)}`, corner: `${branch.bankName} ${branch.branchName}` });
    this.dates = { era: branch.japaneseEra };
  }

  /** The receiver on the left (御中, underlined, as a letter is addressed), the sender on the right. */
  header(): void {
    const { branch } = this.list;
    const top = this.y;
    const receiver = `${RETURN_RECEIVER} 御中`;
    const receiverStyle = { bold: true, size: this.size(14) };
    this.put(receiver, this.left, top + 4, receiverStyle);
    this.rule(this.left, Math.min(this.right, this.left + this.width(receiver, receiverStyle) + 24), top + (this.narrow ? 20 : 26), 0.8);

    // Wide: the sender at the right, level with the receiver. Narrow: under it.
    const w = this.narrow ? this.w : 260;
    let y = this.narrow ? top + 28 : top;
    const lines: [string, Style][] = [
      [branch.bankName, { bold: true, size: this.narrow ? 11 : 14 }],
      [`${branch.branchName}（店番 ${branch.branchCode}）`, { size: this.size(10) }],
      [`端末 ${branch.terminalNo}`, { size: this.size(9), color: MUTED }],
    ];
    for (const [text, style] of lines) {
      this.put(text, this.right - w, y, style, w, this.narrow ? 'left' : 'right');
      y += this.height(text, style, w);
    }
    this.y = Math.max(top + 28, y) + (this.narrow ? 8 : 12);
    this.title(TITLE);
  }

  summary(): void {
    const { list } = this;
    const labelW = 72;
    const leftW = 176;
    const rightW = WIDTH - 2 * labelW - leftW;
    const label = (text: string): Cell => ({ text, width: labelW, shade: true, align: 'center' });
    this.table([
      [
        label('返却番号'),
        { text: returnBatchNo(list.branch, list.batchId), width: leftW, bold: true, size: 14 },
        label('返却日'),
        { text: formatJstDate(list.createdAt, this.dates), width: rightW, bold: true, size: 11 },
      ],
      [
        label('返却件数'),
        { text: `${list.tokens.length}個`, width: leftW, bold: true, size: 12 },
        label('発送担当'),
        { text: `${list.operator.name}（${list.operator.operatorId}）`, width: rightW },
      ],
    ]);
    const sentence = '交換によりお預かりしたハードウェアトークンを、下記のとおり返却いたします。ご査収ください。';
    const style = { size: this.size(10) };
    this.put(sentence, this.left, this.y - 4, style, this.w);
    this.y += this.height(sentence, style, this.w) + 6;
  }

  /** One row: each reason with its count, then the total. */
  counts(): void {
    const { tokens } = this.list;
    const pairs: [string, number][] = [
      ...EXCHANGE_REASONS.map((r): [string, number] => [EXCHANGE_REASON_LABELS[r], tokens.filter((t) => t.reason === r).length]),
      ['合計', tokens.length],
    ];
    const pairW = WIDTH / pairs.length;
    const labelW = 62;
    this.heading('交換理由別の件数');
    this.table([
      pairs.flatMap(([text, n]): Cell[] => [
        { text, width: labelW, shade: true, align: 'center' },
        { text: `${n}個`, width: pairW - labelW, bold: true, align: 'right' },
      ]),
    ]);
  }

  tokens(): void {
    const widths = [48, 180, 90, WIDTH - 48 - 180 - 90];
    const cells = (texts: string[], head = false): Cell[] =>
      texts.map((text, i) => ({ text, width: widths[i] ?? 0, shade: head, align: i === 0 || head ? 'center' : 'left' }));
    this.heading('返却トークン');
    this.table(
      this.list.tokens.map((t, i) =>
        cells([`${i + 1}`, formatSerial(t.serial, this.list.branch.serialFormat), EXCHANGE_REASON_LABELS[t.reason], formatJstDate(t.collectedAt, this.dates)]),
      ),
      { minHeight: 20, head: cells(['No.', 'シリアル番号', '交換理由', '回収日'], true) },
    );
  }

  /** 発送者 and 受領者 side by side (on the roll, one under the other), each with a date line and room to sign or stamp, kept on one page. */
  signatures(): void {
    const boxH = this.narrow ? 80 : 96;
    const gap = this.narrow ? 8 : 16;
    const w = this.narrow ? this.w : (this.w - gap) / 2;
    this.heading('受け渡し', this.narrow ? 2 * boxH + gap : boxH);
    const note = { size: 9, color: MUTED };
    ['発送者', '受領者'].forEach((role, i) => {
      const x = this.narrow ? this.left : this.left + i * (w + gap);
      const top = this.narrow ? this.y + i * (boxH + gap) : this.y;
      this.fillBox(x, top, w, 18, SHADE);
      this.box(x, top, w, boxH, 1);
      this.rule(x, x + w, top + 18, 0.5);
      this.put(role, x, top + 2, { bold: true, size: 10 }, w, 'center');
      this.put('日付', x + 8, top + 28, note);
      this.put('年　　　月　　　日', x + 8, top + 27, { size: 10 }, w - 24, 'right');
      this.rule(x + 40, x + w - 8, top + 44, 0.4);
      this.put('署名・印', x + 8, top + 54, note);
      this.rule(x + 8, x + w - 8, top + boxH - 10, 0.4);
    });
    this.y += this.narrow ? 2 * boxH + gap : boxH;
  }
}

/** Renders the return list as a PDF of one or more pages on `paper`. */
export function renderReturnList(list: ReturnList, paper: PaperSize = 'A4'): Buffer {
  return renderOn(paper, TITLE, list.createdAt, (sheet) => {
    const layout = new ReturnLayout(sheet, list);
    layout.header();
    layout.summary();
    layout.counts();
    layout.tokens();
    layout.signatures();
    return layout;
  });
}
