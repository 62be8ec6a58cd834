/**
 * The terminal's sync with the bank's core service, as the app runs it: the agent (sync/agent.ts)
 * over the ledger (sync/ledger-store.ts), started when the terminal is enrolled, woken when the
 * journal grows, and what the screens ask of it: the header's status, 今すぐ同期, enrolment in
 * 店舗設定, the manager's list of the bank's rejections. Everything it keeps is in SQLite.
 */
import { refuse } from '../domain/errors';
import { REJECTION_ADVICE, terminalIdOf, type EnrolAnswer } from '../domain/sync-protocol';
import { normalizeInput } from '../domain/validation';
import { readBranch } from '../db/branch-repo';
import type { Db } from '../db/db';
import { appendJournal } from '../db/journal';
import type { SecretBox } from '../db/sealed-secret';
import { lastJournalSeq, listRejections, openRejectionCount, pulledAt, readEnrolment, readProgress, resolveRejection, saveStatus } from '../db/sync-repo';
import { SyncAgent, type AgentOptions, type SyncStatus } from '../sync/agent';
import { CoreClient, CoreRefusal, CoreUnreachable } from '../sync/client';
import { LedgerSyncStore } from '../sync/ledger-store';
import type { Operator } from './contract';
import { ServiceFailure } from './failures';

/** A core that does not answer in this time counts as unreachable (the header then says オフライン). */
const REQUEST_TIMEOUT_MS = 15_000;
/** 今すぐ同期 waits this long for the cycle; a longer one goes on in the background. */
const SYNC_NOW_WAIT_MS = 20_000;
/** A page of the bank's feeds is applied in one transaction on the host's one thread: small pages keep each short. */
const PAGE_SIZE = 200;

export interface SyncOptions {
  /** Tests put a line that can fail between the terminal and the core. */
  fetch?: typeof fetch;
  agent?: Omit<AgentOptions, 'onStatus' | 'initial'>;
}

export interface SyncView {
  enrolled: boolean;
  terminalId: string | null;
  coreUrl: string | null;
  /** Journal entries the core does not hold yet. */
  pending: number;
  offlineSince: string | null;
  lastSyncAt: string | null;
  /** The bank's rejections no manager has resolved. */
  openRejections: number;
  blocked: { code: string; message: string } | null;
  clockWarning: string | null;
}

/** How current what the branch knows of the bank is: contracts and token states as of the last pull. */
export interface BankFreshness {
  asOf: string | null;
  offline: boolean;
}

export class TerminalSync {
  private agent: SyncAgent | null = null;
  private nudgedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly now: () => Date,
    private readonly opts: SyncOptions = {},
  ) {}

  /** Starts the background pusher and puller if the terminal is enrolled; a fresh terminal waits for 店舗設定. */
  start(): void {
    const e = readEnrolment(this.db);
    if (!e || this.agent) return;
    const progress = readProgress(this.db);
    this.agent = new SyncAgent(this.client(e.coreUrl), new LedgerSyncStore(this.db, this.box, this.now), {
      pageSize: PAGE_SIZE,
      ...this.opts.agent,
      initial: { offlineSince: progress.offlineSince, lastSyncAt: progress.lastSyncAt },
      onStatus: (s) => saveStatus(this.db, { offlineSince: s.offlineSince, lastSyncAt: s.lastSyncAt }),
    });
    this.nudgedAt = lastJournalSeq(this.db);
    this.agent.start();
  }

  async close(): Promise<void> {
    const agent = this.agent;
    this.agent = null;
    await agent?.stop();
  }

  /** After a call that may have journalled: a new entry wakes the agent (an urgent one is pushed at once). */
  nudge(): void {
    if (!this.agent) return;
    const last = lastJournalSeq(this.db);
    if (last === this.nudgedAt) return;
    this.nudgedAt = last;
    this.agent.wake();
  }

  status(): SyncView {
    const e = readEnrolment(this.db);
    const s: Partial<SyncStatus> = this.agent?.status() ?? {};
    const progress = readProgress(this.db);
    return {
      enrolled: e !== null,
      terminalId: e?.terminalId ?? null,
      coreUrl: e?.coreUrl ?? null,
      pending: e ? Math.max(0, lastJournalSeq(this.db) - progress.heldSeq) : 0,
      offlineSince: s.offlineSince ?? progress.offlineSince,
      lastSyncAt: s.lastSyncAt ?? progress.lastSyncAt,
      openRejections: openRejectionCount(this.db),
      blocked: s.blocked ?? null,
      clockWarning: s.clockWarning?.message ?? null,
    };
  }

  freshness(): BankFreshness | null {
    if (!readEnrolment(this.db)) return null;
    return { asOf: pulledAt(this.db, 'contracts'), offline: this.status().offlineSince !== null };
  }

  async syncNow(): Promise<SyncView> {
    if (!this.agent) return this.status();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.agent.syncNow(), new Promise((resolve) => (timer = setTimeout(resolve, SYNC_NOW_WAIT_MS)))]);
    clearTimeout(timer);
    return this.status();
  }

  /**
   * 店舗設定: the core's address and the one-time code head office gave for this branch and
   * terminal number. The credential and the terminal's private key are sealed in the ledger; the
   * background sync starts at once.
   */
  async enrol(by: Operator, req: { coreUrl: string; code: string }): Promise<SyncView> {
    const branch = readBranch(this.db) ?? refuse('NOT_INITIALIZED', '初期設定が済んでいません。');
    const coreUrl = coreAddress(req.coreUrl);
    const code = normalizeInput(req.code);
    if (!code) refuse('CODE_REQUIRED', '本部から届いた登録コードを入力してください。', 'code');
    const mine = terminalIdOf(branch.branchCode, branch.terminalNo);
    const forThisTerminal = (a: EnrolAnswer) => {
      if (a.branchCode !== branch.branchCode || Number(a.terminalNo) !== Number(branch.terminalNo)) {
        refuse('CODE_FOR_ANOTHER_TERMINAL', `この登録コードは端末 ${a.terminalId} のものです（この端末は ${mine}）。本部に正しい登録コードを依頼してください。`, 'code');
      }
    };
    const enrolling = new SyncAgent(this.client(coreUrl), new LedgerSyncStore(this.db, this.box, this.now, { coreUrl, operatorId: by.operatorId }));
    await this.close();
    try {
      await enrolling.enrol(code, forThisTerminal);
    } catch (e) {
      if (e instanceof CoreUnreachable) throw new ServiceFailure('CORE_UNREACHABLE', '本部サービスに接続できません。アドレスと回線を確かめてください。', { coreUrl: '本部サービスに接続できません。' });
      if (e instanceof CoreRefusal && e.code === 'ENROLMENT_CODE_INVALID') {
        throw new ServiceFailure('ENROLMENT_CODE_INVALID', '登録コードが正しくないか、使用済みか、期限切れです。', { code: '登録コードが正しくないか、使用済みか、期限切れです。' });
      }
      if (e instanceof CoreRefusal) throw new ServiceFailure(e.code, `本部サービスが登録を受け付けませんでした: ${e.refusal.error.message}`);
      throw e;
    } finally {
      this.start();
    }
    return this.status();
  }

  /** The bank's rejections, open ones first, each with what to do about it. */
  rejections() {
    return listRejections(this.db, 200).map((r) => ({ ...r, advice: (REJECTION_ADVICE as Record<string, string>)[r.code] ?? '事務センターに連絡し、本部の記録を確認してください。' }));
  }

  /** A manager records what was done about a rejection; journalled. */
  resolve(by: Operator, req: { seq: number; serial: string | null; resolution: string }): void {
    const resolution = normalizeInput(req.resolution);
    if (!resolution) refuse('RESOLUTION_REQUIRED', '対応した内容を入力してください。', 'resolution');
    const at = this.now().toISOString();
    this.db
      .transaction(() => {
        if (!resolveRejection(this.db, { seq: req.seq, serial: req.serial, by: by.operatorId, at, resolution })) {
          refuse('REJECTION_UNKNOWN', 'この差戻しは見つからないか、すでに処理済みです。');
        }
        appendJournal(this.db, { kind: 'SYNC_REJECTION_RESOLVED', occurredAt: at, operatorId: by.operatorId, serial: req.serial, payload: { seq: req.seq, resolution } });
      })
      .immediate();
  }

  private client(baseUrl: string): CoreClient {
    return new CoreClient({ baseUrl, timeoutMs: REQUEST_TIMEOUT_MS, ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}), now: () => this.now().getTime() });
  }
}

/** The core's address as a manager types it: http(s) only, without a trailing slash. */
function coreAddress(raw: string): string {
  const text = normalizeInput(raw);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('CORE_URL', '本部サービスのアドレスを https://… の形で入力してください。', 'coreUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse('CORE_URL', '本部サービスのアドレスを https://… の形で入力してください。', 'coreUrl');
  return url.origin + url.pathname.replace(/\/+$/u, '');
}
