import type { Access, Operator } from './contract';
import { ServiceFailure } from './failures';

/**
 * The one operator logged in at this terminal. The screen locks itself after idleSeconds
 * without input; the host refuses calls after the same time without any call, so a screen
 * left open cannot be used by the next person.
 */
export class Session {
  private operator: Operator | null = null;
  private lastActivity = 0;
  private mustChangePassword = false;

  constructor(readonly idleSeconds: number) {}

  current(now: Date): Operator | null {
    return this.operator && !this.expired(now) ? this.operator : null;
  }

  start(operator: Operator, now: Date, mustChangePassword = false): void {
    this.operator = operator;
    this.lastActivity = now.getTime();
    this.mustChangePassword = mustChangePassword;
  }

  /** The password was set by a manager: until the operator has changed it, only 'self' channels answer. */
  get passwordChangeRequired(): boolean {
    return this.mustChangePassword;
  }

  passwordChanged(): void {
    this.mustChangePassword = false;
  }

  end(): Operator | null {
    const was = this.operator;
    this.operator = null;
    return was;
  }

  /** Checks the caller may use a channel of this access level, and counts the call as activity. */
  admit(access: Access, now: Date): Operator | null {
    if (access === 'public') return this.current(now);
    if (!this.operator) throw new ServiceFailure('SESSION_REQUIRED', 'ログインしてください。');
    if (this.expired(now)) {
      throw new ServiceFailure('SESSION_EXPIRED', '一定時間操作がなかったため画面をロックしました。パスワードを入力してください。');
    }
    if (this.mustChangePassword && access !== 'self') {
      throw new ServiceFailure('PASSWORD_CHANGE_REQUIRED', 'ほかの操作の前に、パスワードを変更してください（役席者が設定したパスワードは、最初のログインで変更が必要です）。');
    }
    if (access === 'manager' && this.operator.role !== 'manager') {
      throw new ServiceFailure('FORBIDDEN', 'この操作は役席者のみ行えます。役席者に依頼してください。');
    }
    this.lastActivity = now.getTime();
    return this.operator;
  }

  private expired(now: Date): boolean {
    return now.getTime() - this.lastActivity > this.idleSeconds * 1000;
  }
}
