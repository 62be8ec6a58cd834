import type { Db } from './db';
import { sql } from './prepared';
import type { FeeRule } from '../domain/types';
import type { Branch } from '../domain/validation';

/** What a manager may change after setup (店舗設定). */
export type BranchSettings = Pick<Branch, 'nameOnDocuments' | 'printBranchCopy' | 'japaneseEra' | 'lowStockThreshold' | 'serialFormat'>;

export function readBranch(db: Db): Branch | null {
  const row = sql(db, 
      `SELECT bank_name AS bankName, branch_code AS branchCode, branch_name AS branchName,
              terminal_no AS terminalNo, invoice_reg_no AS invoiceRegNo, name_on_documents AS nameOnDocuments,
              print_branch_copy AS printBranchCopy, japanese_era AS japaneseEra, low_stock_threshold AS lowStockThreshold, serial_format AS serialFormat
       FROM branch WHERE id = 1`,
    )
    .get() as (Omit<Branch, 'printBranchCopy' | 'japaneseEra'> & { printBranchCopy: number; japaneseEra: number }) | undefined;
  return row ? { ...row, printBranchCopy: row.printBranchCopy === 1, japaneseEra: row.japaneseEra === 1 } : null;
}

export function insertBranch(db: Db, b: Branch, createdAt: string): void {
  sql(db, 
    `INSERT INTO branch (id, bank_name, branch_code, branch_name, terminal_no, invoice_reg_no, name_on_documents, print_branch_copy,
                         japanese_era, low_stock_threshold, serial_format, created_at)
     VALUES (1, @bankName, @branchCode, @branchName, @terminalNo, @invoiceRegNo, @nameOnDocuments, @printBranchCopy, @japaneseEra,
             @lowStockThreshold, @serialFormat, @createdAt)`,
  ).run({ ...b, printBranchCopy: b.printBranchCopy ? 1 : 0, japaneseEra: b.japaneseEra ? 1 : 0, createdAt });
}

export function updateBranchSettings(db: Db, s: BranchSettings): void {
  sql(db, 
    `UPDATE branch SET name_on_documents = @nameOnDocuments, print_branch_copy = @printBranchCopy, japanese_era = @japaneseEra,
       low_stock_threshold = @lowStockThreshold, serial_format = @serialFormat WHERE id = 1`,
  ).run({ nameOnDocuments: s.nameOnDocuments, printBranchCopy: s.printBranchCopy ? 1 : 0, japaneseEra: s.japaneseEra ? 1 : 0, lowStockThreshold: s.lowStockThreshold, serialFormat: s.serialFormat });
}

/** 店名, 登録番号 and 端末番号 as a second manager approved them (services/branch-correction.ts). */
export function correctBranch(db: Db, b: Pick<Branch, 'branchName' | 'invoiceRegNo' | 'terminalNo'>): void {
  sql(db, 'UPDATE branch SET branch_name = @branchName, invoice_reg_no = @invoiceRegNo, terminal_no = @terminalNo WHERE id = 1').run({
    branchName: b.branchName,
    invoiceRegNo: b.invoiceRegNo,
    terminalNo: b.terminalNo,
  });
}

export function readFeeRules(db: Db): FeeRule[] {
  return sql(db, 
      `SELECT kind, effective_from AS effectiveFrom, total_incl_tax AS totalInclTax,
              tax_rate_percent AS taxRatePercent, description FROM fee_rules`,
    )
    .all() as FeeRule[];
}

export function insertFeeRules(db: Db, rules: FeeRule[]): void {
  const insert = sql(db, 
    `INSERT OR IGNORE INTO fee_rules (kind, effective_from, total_incl_tax, tax_rate_percent, description)
     VALUES (@kind, @effectiveFrom, @totalInclTax, @taxRatePercent, @description)`,
  );
  for (const r of rules) insert.run(r);
}
