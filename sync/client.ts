import { createHash, createHmac, randomUUID } from 'node:crypto';
import { HEADERS, signingText, type Answer, type EnrolAnswer, type EnrolRequest, type Refusal } from '../domain/sync-protocol';
import type { Enrolment } from './store';

/** The core answered with a refusal (a 4xx or 5xx with its machine-readable code). */
export class CoreRefusal extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal,
  ) {
    super(`${status} ${refusal.error.code}: ${refusal.error.message}`);
  }

  get code(): string {
    return this.refusal.error.code;
  }
}

/** The core could not be reached, or its answer was lost. */
export class CoreUnreachable extends Error {}

export interface ClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** The terminal's own clock (milliseconds). */
  now?: () => number;
  /** Per request; a core that does not answer in time counts as unreachable. */
  timeoutMs?: number;
}

/**
 * Talks to the core: signs each request (HMAC under the credential over method, path and query,
 * timestamp, request id and the body's SHA-256) and keeps the offset of the terminal's clock to
 * the core's from every answer, so that a skewed clock still signs within the core's window.
 */
export class CoreClient {
  /** The core's clock minus ours, learned from the last answer. */
  offsetMs = 0;
  lastAnswer: Answer | null = null;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly opts: ClientOptions) {
    this.fetchFn = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
  }

  enrol(req: EnrolRequest): Promise<EnrolAnswer> {
    return this.send('POST', '/v1/enrol', JSON.stringify(req), null);
  }

  /** A signed request. A STALE_TIMESTAMP refusal corrects the offset from its answer and re-signs once. */
  async signed<T>(enrolment: Enrolment, method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<T> {
    const text = body === undefined ? null : JSON.stringify(body);
    try {
      return await this.send<T>(method, pathAndQuery, text, enrolment);
    } catch (e) {
      if (!(e instanceof CoreRefusal) || e.code !== 'STALE_TIMESTAMP') throw e;
      return this.send<T>(method, pathAndQuery, text, enrolment);
    }
  }

  private signature(enrolment: Enrolment, method: string, pathAndQuery: string, body: string | null): Record<string, string> {
    const timestamp = String(Math.round(this.now() + this.offsetMs));
    const requestId = randomUUID();
    const bodySha256 = createHash('sha256').update(body ?? '').digest('hex');
    const signature = createHmac('sha256', Buffer.from(enrolment.credential, 'base64url'))
      .update(signingText(method, pathAndQuery, timestamp, requestId, bodySha256))
      .digest('base64url');
    return {
      [HEADERS.terminal]: enrolment.terminalId,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.requestId]: requestId,
      [HEADERS.signature]: signature,
    };
  }

  private async send<T>(method: string, pathAndQuery: string, body: string | null, enrolment: Enrolment | null): Promise<T> {
    const headers: Record<string, string> = {
      [HEADERS.terminalClock]: String(this.now()),
      ...(body === null ? {} : { 'content-type': 'application/json' }),
      ...(enrolment ? this.signature(enrolment, method, pathAndQuery, body) : {}),
    };
    const sentAt = this.now();
    let res: Response;
    let answer: unknown;
    try {
      res = await this.fetchFn(new URL(pathAndQuery, this.opts.baseUrl), {
        method,
        headers,
        ...(body === null ? {} : { body }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 60_000),
      });
      answer = await res.json();
    } catch (e) {
      throw new CoreUnreachable(e instanceof Error ? e.message : String(e));
    }
    const serverTime = Number(res.headers.get(HEADERS.serverTime));
    if (Number.isFinite(serverTime) && serverTime > 0) this.offsetMs = serverTime - (sentAt + this.now()) / 2;
    if (!res.ok) throw new CoreRefusal(res.status, answer as Refusal);
    this.lastAnswer = answer as Answer;
    return answer as T;
  }
}
