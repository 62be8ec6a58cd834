/**
 * The core service's schema, the same SQL on PostgreSQL and on the embedded PGlite. Additive:
 * never edit a shipped migration, add the next one. Each runs in its own transaction under an
 * advisory lock, so that instances starting together apply it once.
 */
export interface CoreMigration {
  version: number;
  name: string;
  sql: string;
}

export const CORE_MIGRATIONS: CoreMigration[] = [
  {
    version: 1,
    name: 'terminals, enrolment, journal, registry, contracts, rejections, security log',
    sql: `
CREATE TABLE terminals (
  terminal_id TEXT PRIMARY KEY,
  branch_code TEXT NOT NULL,
  terminal_no TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'REVOKED')),
  -- The HMAC credential, AES-256-GCM under the core's master key; never in the clear.
  credential_enc BYTEA,
  public_key TEXT,
  -- The head of this terminal's chain: the row every push locks, so instances take turns.
  held_seq INTEGER NOT NULL DEFAULT 0,
  held_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  enrolled_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ,
  last_seen_at TIMESTAMPTZ,
  UNIQUE (branch_code, terminal_no)
);

CREATE TABLE enrolment_codes (
  code_sha256 TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals(terminal_id),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);

-- Request ids seen inside the signature window; older ones are refused by their timestamp.
CREATE TABLE seen_requests (
  terminal_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (terminal_id, request_id)
);
CREATE INDEX seen_requests_at ON seen_requests(seen_at);

-- Every terminal's journal, as the terminal hashed it; (terminal, seq) de-duplicates for ever.
CREATE TABLE journal (
  terminal_id TEXT NOT NULL REFERENCES terminals(terminal_id),
  seq INTEGER NOT NULL,
  format INTEGER NOT NULL,
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  receipt_no TEXT,
  receipt_sha256 TEXT,
  serial TEXT,
  contract_id TEXT,
  amount INTEGER,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  message JSONB,
  received_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX journal_kind_day ON journal(kind, occurred_at);

-- One counter of changes to contracts and tokens: writers take it under a row lock, so revisions
-- commit in order and a reader paging by revision never skips a change still in flight.
CREATE TABLE change_clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rev BIGINT NOT NULL
);
INSERT INTO change_clock VALUES (1, 0);

CREATE TABLE seed_batches (
  batch_id BIGSERIAL PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  token_count INTEGER NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL
);

-- The registry of every serial across branches. A serial in stock sits at one terminal at most.
CREATE TABLE tokens (
  serial TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  terminal_id TEXT REFERENCES terminals(terminal_id),
  contract_id TEXT,
  batch_id BIGINT REFERENCES seed_batches(batch_id),
  params JSONB,
  drift_steps INTEGER NOT NULL DEFAULT 0,
  -- The seed under the core's master key; null for a serial a terminal imported itself.
  secret_enc BYTEA,
  allotted_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL,
  rev BIGINT NOT NULL,
  stock_rev BIGINT
);
CREATE INDEX tokens_rev ON tokens(rev);
CREATE INDEX tokens_stock ON tokens(terminal_id, stock_rev) WHERE stock_rev IS NOT NULL;
CREATE INDEX tokens_state ON tokens(state);

CREATE TABLE contracts (
  contract_id TEXT PRIMARY KEY,
  name_kanji TEXT,
  name_kana TEXT,
  feature_phone BOOLEAN NOT NULL DEFAULT FALSE,
  current_serial TEXT,
  updated_at TIMESTAMPTZ NOT NULL,
  rev BIGINT NOT NULL
);
CREATE INDEX contracts_rev ON contracts(rev);

CREATE TABLE rejections (
  terminal_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  serial TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (terminal_id, seq, serial),
  FOREIGN KEY (terminal_id, seq) REFERENCES journal(terminal_id, seq)
);

CREATE TABLE security_events (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  code TEXT NOT NULL,
  terminal_id TEXT,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  remote TEXT,
  detail TEXT
);
`,
  },
  {
    version: 2,
    name: 'contracts carry their representative account: a branch that did not issue the token prints it on its slips',
    sql: `
ALTER TABLE contracts ADD COLUMN account_branch TEXT;
ALTER TABLE contracts ADD COLUMN account_subject TEXT;
ALTER TABLE contracts ADD COLUMN account_number TEXT;
`,
  },
];
