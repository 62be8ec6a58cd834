/**
 * 取引履歴（記録一覧）: the filtered log as a report for a manager or an auditor, in the columns the
 * CSV export has, masked as the screen's lists are. The header row repeats on every page.
 */
import { formatJstDateTime, formatJstTime, jstDate } from '../domain/format';
import type { Operator } from '../domain/types';
import type { Branch } from '../domain/validation';
import type { PaperSize } from '../domain/printing';
import { PageLayout, renderOn, WIDTH, type Cell, type Sheet } from './page-layout';

export interface LogReport {
  branch: Branch;
  viewer: Operator;
  createdAt: Date;
  /** The filter in words. */
  filter: string;
  rows: LogReportRow[];
}

/** One entry as the report prints it: a date and time, texts already masked and worded. */
export interface LogReportRow {
  at: Date;
  kind: string;
  detail: string;
  operatorId: string;
  receiptNo: string;
  serial: string;
  contract: string;
  amount: string;
}

const TITLE = '取引履歴';
// Columns in points (each with its cell padding), wide enough that numbers never wrap; the
// act and its detail take what the others leave of the page's width.
const COLUMNS: [string, number, Cell['align'], (row: LogReportRow) => string][] = [
  ['日時', 66, 'left', (x) => `${jstDate(x.at)}\n${formatJstTime(x.at)}`],
  ['取引・詳細', 0, 'left', (x) => (x.detail ? `${x.kind}\n${x.detail}` : x.kind)],
  ['担当', 46, 'left', (x) => x.operatorId],
  ['受付番号', 78, 'left', (x) => x.receiptNo],
  ['シリアル番号', 70, 'left', (x) => x.serial],
  ['契約者ID', 74, 'left', (x) => x.contract],
  ['金額', 46, 'right', (x) => x.amount],
];

export function renderLogReport(r: LogReport, paper: PaperSize = 'A4'): Buffer {
  return renderOn(paper, TITLE, r.createdAt, (sheet) => drawLogReport(sheet, r));
}

function drawLogReport(sheet: Sheet, r: LogReport): PageLayout {
  const fixed = COLUMNS.reduce((sum, [, w]) => sum + w, 0);
  const widths = COLUMNS.map(([, w]) => (w === 0 ? WIDTH - fixed : w));
  const layout = new PageLayout(sheet, { title: TITLE, reference: `${r.branch.branchName} 端末 ${r.branch.terminalNo}`, corner: `出力 ${r.viewer.name}（${r.viewer.operatorId}）` });
  layout.title(TITLE);
  layout.table([
    [{ text: '条件', width: 80, shade: true }, { text: r.filter, width: WIDTH - 80 }],
    [{ text: '件数', width: 80, shade: true }, { text: `${r.rows.length.toLocaleString('ja-JP')}件`, width: WIDTH - 80 }],
    [{ text: '出力日時', width: 80, shade: true }, { text: `${formatJstDateTime(r.createdAt, { era: r.branch.japaneseEra })}（${r.viewer.name}）`, width: WIDTH - 80 }],
  ]);
  const head: Cell[] = COLUMNS.map(([name, , align], i) => ({ text: name, width: widths[i]!, shade: true, size: 7.5, align }));
  layout.table(
    r.rows.length > 0 ? r.rows.map((row) => COLUMNS.map(([, , align, text], i) => ({ text: text(row), width: widths[i]!, size: 7.5, align }))) : [[{ text: '該当する記録はありません', width: WIDTH }]],
    { head, minHeight: 16 },
  );
  return layout;
}
