import type { Answer, ContractItem, EnrolAnswer, FeedPage, PushAnswer, StockItem, TokenStateItem } from '../domain/sync-protocol';
import { CoreClient, CoreRefusal, CoreUnreachable } from './client';
import { makeTerminalKeys, openSeed } from './keys';
import type { Enrolment, SyncStore } from './store';

export interface SyncStatus {
  /** Entries the core does not hold yet. */
  pending: number;
  /** Since when the core has been unreachable (ISO), or null. */
  offlineSince: string | null;
  lastSyncAt: string | null;
  /** A refusal that retrying does not cure (a broken chain, a revoked terminal): for the manager. */
  blocked: { code: string; message: string } | null;
  clockWarning: Answer['clockWarning'] | null;
}

export interface AgentOptions {
  batchSize?: number;
  pageSize?: number;
  /** Between cycles while all is well. */
  intervalMs?: number;
  /** After a new ordinary entry, wait this long for more to go in the same batch. */
  lingerMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  onStatus?: (s: SyncStatus) => void;
  /** What the status said before a restart (kept by the store's owner): offline since when, last synced when. */
  initial?: Pick<SyncStatus, 'offlineSince' | 'lastSyncAt'>;
}

const DEFAULTS = { batchSize: 500, pageSize: 500, intervalMs: 30_000, lingerMs: 1_000, backoff: { baseMs: 1_000, maxMs: 5 * 60_000 } };

/** Exponential back-off with full jitter: uniform in [0, min(max, base·2^(failures−1))]. */
export function backoffDelay(failures: number, backoff: { baseMs: number; maxMs: number }, random: () => number): number {
  return random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
}

/** Refusals a retry does not cure until someone acts. */
const PERMANENT = new Set(['CHAIN_BROKEN', 'TERMINAL_REVOKED', 'UNKNOWN_TERMINAL', 'BAD_SIGNATURE', 'INVALID_REQUEST', 'BATCH_NOT_CONTIGUOUS', 'BODY_TOO_LARGE']);

/**
 * The terminal's side of the sync: pushes the journal in sequence order in batches, then pulls
 * the feeds, in a background loop that backs off (with jitter) while the core is away. An urgent
 * entry (URGENT_KINDS) cannot overtake the queue, since the core takes sequence order only: it
 * makes the loop push at once everything up to and including it, skipping the linger and any
 * back-off wait. Every step's outcome is in the store, so a restart resumes where it stopped.
 */
export class SyncAgent {
  private readonly o: typeof DEFAULTS & Pick<AgentOptions, 'onStatus'> & { random: () => number };
  /** 今すぐ同期: the next wait ends at once, back-off or not. */
  private forced = false;
  private cyclesStarted = 0;
  private readonly waiting: { after: number; resolve: (s: SyncStatus) => void }[] = [];
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private failures = 0;
  private readonly state: SyncStatus;

  constructor(
    readonly client: CoreClient,
    private readonly store: SyncStore,
    opts: AgentOptions = {},
  ) {
    this.o = { ...DEFAULTS, random: Math.random, ...opts };
    this.state = { pending: 0, offlineSince: null, lastSyncAt: null, blocked: null, clockWarning: null, ...opts.initial };
  }

  status(): SyncStatus {
    return { ...this.state };
  }

  /**
   * Exchanges head office's one-time code for this terminal's credential; the private key never
   * leaves. `expect` refuses a code issued for another terminal before anything is saved.
   */
  async enrol(code: string, expect?: (answer: EnrolAnswer) => void): Promise<EnrolAnswer> {
    const keys = makeTerminalKeys();
    const answer = await this.client.enrol({ code, publicKey: keys.publicKey });
    expect?.(answer);
    await this.store.saveEnrolment({ terminalId: answer.terminalId, credential: answer.credential, privateKey: keys.privateKey });
    await this.store.acknowledge(answer.heldSeq, []);
    return answer;
  }

  private async enrolment(): Promise<Enrolment> {
    const e = await this.store.enrolment();
    if (!e) throw new CoreRefusal(401, { error: { code: 'UNKNOWN_TERMINAL', message: '端末が本部に登録されていません（店舗設定で登録してください）' }, serverTime: '' });
    return e;
  }

  /** Pushes everything pending, batch after batch; answers the highest sequence the core holds. */
  async push(): Promise<number> {
    const enrolment = await this.enrolment();
    let rewound: number | null = null;
    for (;;) {
      const held = await this.store.acknowledgedSeq();
      const entries = await this.store.entriesAfter(held, this.o.batchSize);
      if (entries.length === 0) return held;
      let answer: PushAnswer;
      try {
        answer = await this.client.signed<PushAnswer>(enrolment, 'POST', '/v1/push', { entries });
      } catch (e) {
        const heldSeq = e instanceof CoreRefusal ? e.refusal.error.heldSeq : undefined;
        // The core holds less than it once said (restored from a backup): send again from there, once.
        if (e instanceof CoreRefusal && e.code === 'SEQUENCE_GAP' && heldSeq !== undefined && heldSeq < held && rewound !== heldSeq) {
          rewound = heldSeq;
          await this.store.acknowledge(heldSeq, []);
          continue;
        }
        if (e instanceof CoreRefusal && e.code === 'CHAIN_BROKEN' && heldSeq !== undefined && heldSeq > held) await this.store.acknowledge(heldSeq, []);
        throw e;
      }
      await this.store.acknowledge(answer.heldSeq, answer.rejections);
    }
  }

  /** Pulls every feed to its end, page by page; stock seeds are opened here and handed to the store. */
  async pull(): Promise<void> {
    const enrolment = await this.enrolment();
    for (const feed of ['contracts', 'token-states', 'stock'] as const) {
      let more = true;
      while (more) {
        const after = await this.store.cursor(feed);
        const path = `/v1/pull/${feed}?after=${encodeURIComponent(after)}&limit=${this.o.pageSize}`;
        if (feed === 'stock') {
          const page = await this.client.signed<FeedPage<StockItem>>(enrolment, 'GET', path);
          const items = page.items.map((s) => ({ serial: s.serial, params: s.params, driftSteps: s.driftSteps, secret: openSeed(enrolment.privateKey, enrolment.terminalId, s.serial, s.sealedSeed) }));
          await this.store.applyStock(items, page.cursor);
          more = page.more;
        } else {
          const page = await this.client.signed<FeedPage<ContractItem | TokenStateItem>>(enrolment, 'GET', path);
          await this.store.applyPage(feed, page.items, page.cursor);
          more = page.more;
        }
      }
    }
  }

  /** One cycle: push, then pull. The status says how it went; a failure is thrown after. */
  async syncOnce(): Promise<void> {
    const cycle = ++this.cyclesStarted;
    this.forced = false;
    try {
      await this.push();
      await this.pull();
      this.failures = 0;
      this.state.offlineSince = null;
      this.state.blocked = null;
      this.state.lastSyncAt = new Date().toISOString();
    } catch (e) {
      this.failures++;
      if (e instanceof CoreUnreachable || (e instanceof CoreRefusal && e.status >= 500)) this.state.offlineSince ??= new Date().toISOString();
      else if (e instanceof CoreRefusal) this.state.blocked = { code: e.code, message: e.refusal.error.message };
      throw e;
    } finally {
      this.state.pending = (await this.store.lastSeq()) - (await this.store.acknowledgedSeq());
      this.state.clockWarning = this.client.lastAnswer?.clockWarning ?? null;
      this.o.onStatus?.(this.status());
      for (const w of this.waiting.splice(0)) {
        if (w.after < cycle) w.resolve(this.status());
        else this.waiting.push(w);
      }
    }
  }

  /** 今すぐ同期: a cycle now, whatever the wait (back-off included); answers its status once one begun after this call ends. */
  syncNow(): Promise<SyncStatus> {
    const after = this.cyclesStarted;
    this.forced = true;
    this.wake();
    return new Promise((resolve) => this.waiting.push({ after, resolve }));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    for (const w of this.waiting.splice(0)) w.resolve(this.status());
  }

  /** A new entry is in the journal (or 今すぐ同期): an urgent one is pushed at once. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let delay = this.o.intervalMs;
      try {
        await this.syncOnce();
      } catch (e) {
        delay = e instanceof CoreRefusal && PERMANENT.has(e.code) ? this.o.backoff.maxMs : backoffDelay(this.failures, this.o.backoff, this.o.random);
      }
      await this.waitTurn(delay);
    }
  }

  /** Waits `delay`; a wake with an urgent entry waiting ends it, an ordinary one ends it after the linger unless backing off. */
  private async waitTurn(delay: number): Promise<void> {
    const until = Date.now() + delay;
    while (this.running) {
      const left = until - Date.now();
      if (left <= 0 || !(await this.sleep(left))) return;
      if (!this.running || this.forced || (await this.store.hasUrgentAfter(await this.store.acknowledgedSeq()))) return;
      if (this.failures === 0) {
        await this.sleep(this.o.lingerMs);
        return;
      }
    }
  }

  /** True when woken before the time was up. */
  private sleep(ms: number): Promise<boolean> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve(false);
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve(true);
      };
    });
  }
}
