/**
 * Browser mode's stand-in for the Electron preload: defines window.madoguchi with one method
 * per channel, each a POST carrying the session token. The start key arrives once in the URL
 * fragment (never sent to a server as part of a URL), leaves the address bar at once, and is
 * exchanged for the token, which sessionStorage keeps for this tab's reloads. The same URL opened
 * again in this tab keeps the tab's session; anywhere else (the browser's History) it opens nothing.
 */
import type { Channel, MadoguchiApi } from '../services/contract';
import { apiOver } from '../services/channels';
import { API_PREFIX, NO_SESSION, SESSION_HEADER, SESSION_PATH, START_KEY_HEADER } from './http-api';

const TOKEN = 'madoguchi.session';
const UNREACHABLE = { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'madoguchi本体に接続できません。アプリが起動しているか確認してください。' } };

async function exchange(startKey: string): Promise<string | null> {
  try {
    const res = await fetch(SESSION_PATH, { method: 'POST', headers: { [START_KEY_HEADER]: startKey } });
    const body = (await res.json()) as { ok: boolean; value?: { token: string } };
    if (body.ok && body.value) sessionStorage.setItem(TOKEN, body.value.token);
  } catch {
    // The host is down: the calls say so.
  }
  return sessionStorage.getItem(TOKEN);
}

const startKey = new URLSearchParams(location.hash.slice(1)).get('k');
if (startKey) history.replaceState(null, '', location.pathname + location.search);
const session: Promise<string | null> = startKey ? exchange(startKey) : Promise.resolve(sessionStorage.getItem(TOKEN));

async function call(channel: Channel, req: unknown): Promise<unknown> {
  const token = await session;
  if (!token) return { ok: false, error: NO_SESSION };
  try {
    const res = await fetch(API_PREFIX + channel, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SESSION_HEADER]: token },
      body: JSON.stringify(req ?? {}),
    });
    return await res.json();
  } catch {
    return UNREACHABLE;
  }
}

const api: MadoguchiApi = apiOver(call);
Object.defineProperty(window, 'madoguchi', { value: Object.freeze(api), writable: false, configurable: false });
