/**
 * テスト印刷: what a manager prints after choosing the printer and paper, to see that both are right
 * before a customer's receipt depends on them. It says which printer and paper it was sent with,
 * and its frame and width scale run to the printable edge, so a wrong paper setting shows as a cut
 * or a shrunken frame. No customer data.
 */
import { formatJstDateTime } from '../domain/format';
import { PAPER_LABELS, type PaperSize } from '../domain/printing';
import type { Branch } from '../domain/validation';
import { MUTED, PageLayout, renderOn, WIDTH, type Cell } from './page-layout';

const TITLE = 'テスト印刷';

export interface TestPage {
  branch: Pick<Branch, 'bankName' | 'branchName' | 'branchCode' | 'terminalNo'>;
  /** As the settings name it: '' is the system's default printer. */
  printerName: string;
  paper: PaperSize;
  printedAt: Date;
}

export function renderTestPage(t: TestPage): Buffer {
  return renderOn(t.paper, TITLE, t.printedAt, (sheet) => {
    const layout = new PageLayout(sheet, { title: TITLE, reference: TITLE, corner: `${t.branch.branchName} 端末 ${t.branch.terminalNo}` });
    const label = (text: string): Cell => ({ text, width: 140, shade: true });
    layout.title(TITLE);
    layout.table([
      [label('店舗'), { text: `${t.branch.bankName} ${t.branch.branchName}（店番 ${t.branch.branchCode}）`, width: WIDTH - 140 }],
      [label('端末'), { text: t.branch.terminalNo, width: WIDTH - 140 }],
      [label('プリンター'), { text: t.printerName === '' ? 'システムの既定のプリンター' : t.printerName, width: WIDTH - 140 }],
      [label('用紙'), { text: PAPER_LABELS[t.paper], width: WIDTH - 140 }],
      [label('印刷日時'), { text: formatJstDateTime(t.printedAt), width: WIDTH - 140 }],
    ]);
    layout.y += 12;
    layout.heading('用紙の幅');
    const top = layout.y;
    layout.box(layout.left, top, layout.w, 28, 0.8);
    const step = layout.w / 10;
    // Ticks from the top edge, the middle one full height.
    for (let i = 1; i < 10; i++) layout.fillBox(layout.left + i * step - 0.3, top, 0.6, i === 5 ? 28 : 14, MUTED);
    layout.y = top + 34;
    const note = { size: layout.size(9), color: MUTED };
    const lines = [
      '上の枠の左右の線が両方とも印字され、目盛りが10等分に見えれば、用紙の設定は正しく合っています。',
      '枠が切れている、または小さく縮んでいるときは、店舗設定 → プリンターと用紙を確かめてください。',
    ];
    for (const line of lines) {
      const h = layout.height(line, note, layout.w);
      layout.put(line, layout.left, layout.y, note, layout.w);
      layout.y += h + 4;
    }
    return layout;
  });
}
