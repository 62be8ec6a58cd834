/**
 * Versioned, additive migrations, applied in order at start-up inside one transaction each.
 * PRAGMA user_version records how far a file has come. Never edit a shipped migration:
 * add the next one.
 */
import type { Db } from './db';
import type { SecretBox } from './sealed-secret';
import { sealAtRest } from './seal-at-rest';
import { allowSeedlessTokens } from './seedless-tokens';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (it needs the data key), run after `sql` in the same transaction. */
  upgrade?: (db: Db, box: SecretBox | undefined) => void;
  /** The file is rewritten afterwards, so that nothing the migration replaced stays in free pages. */
  vacuum?: boolean;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'branch, operators, fees, stock, contracts, journal, receipts, outbox',
    sql: `
CREATE TABLE branch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  bank_name TEXT NOT NULL,
  branch_code TEXT NOT NULL,
  branch_name TEXT NOT NULL,
  terminal_no TEXT NOT NULL,
  invoice_reg_no TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE operators (
  operator_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('teller', 'manager')),
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE fee_rules (
  kind TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  total_incl_tax INTEGER NOT NULL CHECK (total_incl_tax >= 0),
  tax_rate_percent INTEGER NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (kind, effective_from)
);

CREATE TABLE seed_batches (
  batch_id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  token_count INTEGER NOT NULL,
  operator_id TEXT NOT NULL REFERENCES operators(operator_id),
  imported_at TEXT NOT NULL
);

CREATE TABLE contracts (
  contract_id TEXT PRIMARY KEY,
  name_kanji TEXT NOT NULL,
  name_kana TEXT NOT NULL,
  account_branch TEXT NOT NULL,
  account_subject TEXT NOT NULL,
  account_number TEXT NOT NULL,
  feature_phone INTEGER NOT NULL,
  current_serial TEXT,
  updated_at TEXT NOT NULL
);

-- The current state of each serial: a projection kept in step with the journal in the same
-- transaction. The secret is AES-256-GCM ciphertext; the key is never in this file.
CREATE TABLE tokens (
  serial TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES seed_batches(batch_id),
  algorithm TEXT NOT NULL CHECK (algorithm IN ('HOTP', 'TOTP')),
  hash TEXT NOT NULL,
  digits INTEGER NOT NULL,
  period INTEGER NOT NULL,
  counter INTEGER NOT NULL,
  secret_enc BLOB NOT NULL,
  last_step INTEGER NOT NULL DEFAULT -1,
  fail_count INTEGER NOT NULL DEFAULT 0,
  drift_steps INTEGER NOT NULL DEFAULT 0,
  contract_id TEXT REFERENCES contracts(contract_id),
  updated_at TEXT NOT NULL
);
CREATE INDEX tokens_state ON tokens(state);

-- The ledger: append-only and hash-chained (prev_hash of row n = hash of row n-1).
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  receipt_no TEXT,
  serial TEXT,
  contract_id TEXT,
  amount INTEGER,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX journal_occurred ON journal(occurred_at);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

-- Receipts are kept (7 years) exactly as first printed; reprints are rows of receipt_prints.
CREATE TABLE receipts (
  receipt_no TEXT PRIMARY KEY,
  receipt_seq INTEGER NOT NULL UNIQUE,
  journal_seq INTEGER NOT NULL UNIQUE REFERENCES journal(seq),
  kind TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  document TEXT NOT NULL,
  pdf BLOB NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are never changed'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are never deleted'); END;

CREATE TABLE receipt_prints (
  id INTEGER PRIMARY KEY,
  receipt_no TEXT NOT NULL REFERENCES receipts(receipt_no),
  reprint INTEGER NOT NULL,
  copy TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  printed_at TEXT NOT NULL
);

-- What the core service has still to receive, numbered per terminal 1, 2, 3 ...
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  journal_seq INTEGER NOT NULL UNIQUE REFERENCES journal(seq),
  kind TEXT NOT NULL,
  urgent INTEGER NOT NULL DEFAULT 0,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
`,
  },
  {
    version: 2,
    name: 'vendor return batches for collected tokens',
    sql: `
CREATE TABLE return_batches (
  batch_id INTEGER PRIMARY KEY,
  operator_id TEXT NOT NULL REFERENCES operators(operator_id),
  created_at TEXT NOT NULL,
  token_count INTEGER NOT NULL,
  pdf BLOB NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TABLE return_batch_items (
  batch_id INTEGER NOT NULL REFERENCES return_batches(batch_id),
  serial TEXT NOT NULL UNIQUE REFERENCES tokens(serial),
  PRIMARY KEY (batch_id, serial)
);
`,
  },
  {
    version: 3,
    name: 'branch settings: customer names on printed documents, a branch copy, dates in 和暦 too',
    sql: `
ALTER TABLE branch ADD COLUMN name_on_documents TEXT NOT NULL DEFAULT 'INITIAL'
  CHECK (name_on_documents IN ('INITIAL', 'FAMILY', 'FULL'));
ALTER TABLE branch ADD COLUMN print_branch_copy INTEGER NOT NULL DEFAULT 0
  CHECK (print_branch_copy IN (0, 1));
ALTER TABLE branch ADD COLUMN japanese_era INTEGER NOT NULL DEFAULT 0
  CHECK (japanese_era IN (0, 1));
`,
  },
  {
    version: 4,
    name: 'fee kinds named by their act: 交換 (exchange) and 紛失・盗難の再発行 (reissue)',
    sql: `
UPDATE fee_rules SET kind = 'HW_TOKEN_EXCHANGE' WHERE kind = 'HW_TOKEN_REPLACEMENT';
UPDATE fee_rules SET kind = 'HW_TOKEN_REISSUE' WHERE kind = 'HW_TOKEN_REISSUE_LOST';
`,
  },
  {
    version: 5,
    name: 'the journal chains the printed receipt: its SHA-256 in the entry, a hash format per entry',
    sql: `
ALTER TABLE journal ADD COLUMN format INTEGER NOT NULL DEFAULT 1 CHECK (format IN (1, 2, 3));
ALTER TABLE journal ADD COLUMN receipt_sha256 TEXT;
`,
  },
  {
    version: 6,
    name: 'stock queries that stay flat as history grows: a (state, serial) index and counts per state kept by triggers',
    sql: `
CREATE INDEX tokens_state_serial ON tokens(state, serial);
DROP INDEX tokens_state;
CREATE TABLE token_counts (state TEXT PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO token_counts (state, n) SELECT state, COUNT(*) FROM tokens GROUP BY state;
CREATE TRIGGER tokens_count_insert AFTER INSERT ON tokens
BEGIN INSERT INTO token_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER tokens_count_move AFTER UPDATE OF state ON tokens WHEN OLD.state <> NEW.state
BEGIN
  UPDATE token_counts SET n = n - 1 WHERE state = OLD.state;
  INSERT INTO token_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tokens_count_delete AFTER DELETE ON tokens
BEGIN UPDATE token_counts SET n = n - 1 WHERE state = OLD.state; END;
`,
  },
  {
    version: 7,
    name: 'customer data sealed at rest: contracts found by a keyed hash of their ID, receipts and outbox messages sealed with the data key',
    sql: `
ALTER TABLE contracts RENAME COLUMN contract_id TO contract_ref;
ALTER TABLE tokens RENAME COLUMN contract_id TO contract_ref;
ALTER TABLE contracts ADD COLUMN details_enc BLOB;
`,
    upgrade: sealAtRest,
    vacuum: true,
  },
  {
    version: 8,
    name: "branch setting: how the tokens' serials are written (this bank's maker, 英数字12桁, unless a manager chooses another)",
    sql: `
ALTER TABLE branch ADD COLUMN serial_format TEXT NOT NULL DEFAULT 'ALNUM_12'
  CHECK (serial_format IN ('ALNUM_12', 'DIGITS_13', 'DIGITS_10_GROUPED'));
`,
  },
  {
    version: 9,
    name: 'the data key as the ledger knows it: a check value, and the key wrapped by the recovery passphrase a manager holds',
    sql: `
CREATE TABLE data_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key_check TEXT NOT NULL,
  recovery TEXT,
  recovery_set_at TEXT,
  recovery_set_by TEXT REFERENCES operators(operator_id)
);
`,
  },
  {
    version: 10,
    name: 'operators: a password a manager set is changed at first login; retired operators are kept, never deleted',
    sql: `
ALTER TABLE operators ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE operators ADD COLUMN retired_at TEXT;
-- The journal names operators for ever: an operator who leaves is retired, and the row stays.
CREATE TRIGGER operators_no_delete BEFORE DELETE ON operators
BEGIN SELECT RAISE(ABORT, 'operators are retired, never deleted'); END;
`,
  },
  {
    version: 11,
    name: 'the managers\' 概況 without reading history: entries per day and kind kept by a trigger, live tokens by issue date, a low-stock threshold',
    sql: `
ALTER TABLE branch ADD COLUMN low_stock_threshold INTEGER NOT NULL DEFAULT 20 CHECK (low_stock_threshold >= 0);

-- Days in Japan's time (the journal keeps UTC): the chart reads 30 days x a few kinds, whatever the ledger's size.
CREATE TABLE journal_day_counts (day TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, kind)) WITHOUT ROWID;
INSERT INTO journal_day_counts (day, kind, n) SELECT date(occurred_at, '+9 hours'), kind, COUNT(*) FROM journal GROUP BY 1, 2;
CREATE TRIGGER journal_count_day AFTER INSERT ON journal
BEGIN
  INSERT INTO journal_day_counts (day, kind, n) VALUES (date(NEW.occurred_at, '+9 hours'), NEW.kind, 1)
  ON CONFLICT (day, kind) DO UPDATE SET n = n + 1;
END;

-- When a token was handed to its customer (its battery's age); updated_at moves again when it becomes ACTIVE.
ALTER TABLE tokens ADD COLUMN issued_at TEXT;
UPDATE tokens SET issued_at = issued.at
  FROM (SELECT serial, MAX(occurred_at) AS at FROM journal
        WHERE kind IN ('TOKEN_ISSUED', 'TOKEN_EXCHANGED', 'TOKEN_REISSUED_LOST') AND serial IS NOT NULL GROUP BY serial) AS issued
  WHERE tokens.serial = issued.serial AND tokens.state IN ('ISSUED', 'ACTIVE');
UPDATE tokens SET issued_at = updated_at WHERE issued_at IS NULL AND state IN ('ISSUED', 'ACTIVE');
CREATE TRIGGER tokens_issued_at AFTER UPDATE OF state ON tokens WHEN NEW.state = 'ISSUED' AND OLD.state <> 'ISSUED'
BEGIN UPDATE tokens SET issued_at = NEW.updated_at WHERE serial = NEW.serial; END;
CREATE INDEX tokens_live_issued ON tokens(issued_at) WHERE state IN ('ISSUED', 'ACTIVE');
`,
  },
  {
    version: 12,
    name: 'the issuance log over the whole journal: an index per filter, read page by page in seq order',
    sql: `
CREATE INDEX journal_kind_seq ON journal(kind, seq);
CREATE INDEX journal_operator_seq ON journal(operator_id, seq);
CREATE INDEX journal_serial_seq ON journal(serial, seq) WHERE serial IS NOT NULL;
CREATE INDEX journal_contract_seq ON journal(contract_id, seq) WHERE contract_id IS NOT NULL;
`,
  },
  {
    version: 13,
    name: 'the second person (検印): requests, their decision and what they allowed',
    sql: `
CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  reason TEXT NOT NULL,
  requested_by TEXT NOT NULL REFERENCES operators(operator_id),
  requested_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED', 'USED')),
  decided_by TEXT REFERENCES operators(operator_id),
  decided_at TEXT,
  note TEXT,
  used_at TEXT
);
CREATE INDEX approvals_open ON approvals(state) WHERE state IN ('PENDING', 'APPROVED');
`,
  },
  {
    version: 14,
    name: 'business days and their close (日計・締め)',
    sql: `
CREATE TABLE business_days (
  business_date TEXT PRIMARY KEY,
  close_seq INTEGER NOT NULL REFERENCES journal(seq),
  closed_by TEXT NOT NULL REFERENCES operators(operator_id),
  closed_at TEXT NOT NULL,
  report_pdf BLOB NOT NULL,
  report_sha256 TEXT NOT NULL,
  reopened_seq INTEGER REFERENCES journal(seq)
);
`,
  },
  {
    version: 15,
    name: 'the sync with the core service: the enrolment (sealed), how far the core holds the journal, feed cursors, the bank\'s rejections',
    sql: `
-- The terminal's id is in every request, in the clear; its credential and X25519 private key are sealed with the data key.
CREATE TABLE sync_enrolment (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  core_url TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  secrets_enc BLOB NOT NULL,
  enrolled_at TEXT NOT NULL,
  enrolled_by TEXT NOT NULL REFERENCES operators(operator_id)
);
-- The highest journal seq the core has said it holds, and what the header showed last (kept over a restart).
CREATE TABLE sync_progress (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  held_seq INTEGER NOT NULL,
  offline_since TEXT,
  last_sync_at TEXT
);
CREATE TABLE sync_cursors (feed TEXT PRIMARY KEY, cursor TEXT NOT NULL, pulled_at TEXT NOT NULL);
-- Business conflicts the bank recorded against this terminal's entries, until a manager resolves them.
CREATE TABLE sync_rejections (
  seq INTEGER NOT NULL REFERENCES journal(seq),
  serial TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT REFERENCES operators(operator_id),
  resolution TEXT,
  PRIMARY KEY (seq, serial)
);
CREATE INDEX sync_rejections_open ON sync_rejections(seq) WHERE resolved_at IS NULL;
CREATE INDEX outbox_sent ON outbox(sent_at) WHERE sent_at IS NOT NULL;
`,
  },
  {
    version: 16,
    name: 'tokens known from the bank without their seed; head office\'s allotments; counts over the tokens this branch holds',
    sql: `
-- 0: the token's state is the bank's word and it is in no drawer of this branch (another branch's customer,
-- or handed in elsewhere); a counter act here makes it the branch's again. Counts and the collected box take ours = 1.
ALTER TABLE tokens ADD COLUMN ours INTEGER NOT NULL DEFAULT 1 CHECK (ours IN (0, 1));
DROP TRIGGER tokens_count_insert;
DROP TRIGGER tokens_count_move;
DROP TRIGGER tokens_count_delete;
CREATE TRIGGER tokens_count_insert AFTER INSERT ON tokens WHEN NEW.ours = 1
BEGIN INSERT INTO token_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER tokens_count_leave AFTER UPDATE OF state, ours ON tokens WHEN OLD.ours = 1 AND (OLD.state <> NEW.state OR NEW.ours = 0)
BEGIN UPDATE token_counts SET n = n - 1 WHERE state = OLD.state; END;
CREATE TRIGGER tokens_count_enter AFTER UPDATE OF state, ours ON tokens WHEN NEW.ours = 1 AND (OLD.state <> NEW.state OR OLD.ours = 0)
BEGIN INSERT INTO token_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER tokens_count_delete AFTER DELETE ON tokens WHEN OLD.ours = 1
BEGIN UPDATE token_counts SET n = n - 1 WHERE state = OLD.state; END;
`,
    upgrade: allowSeedlessTokens,
  },
  {
    version: 17,
    name: "the terminal's printer: which one, what paper, how many sheets of each copy, silent or with the dialog; each print's sheets counted",
    sql: `
CREATE TABLE printer_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  printer_name TEXT NOT NULL DEFAULT '',
  paper TEXT NOT NULL DEFAULT 'A4' CHECK (paper IN ('A4', 'A5', 'ROLL_80')),
  customer_copies INTEGER NOT NULL DEFAULT 1 CHECK (customer_copies BETWEEN 1 AND 5),
  branch_copies INTEGER NOT NULL DEFAULT 1 CHECK (branch_copies BETWEEN 1 AND 5),
  silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1))
);
INSERT INTO printer_settings (id) VALUES (1);
ALTER TABLE receipt_prints ADD COLUMN copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 1);
`,
  },
];
