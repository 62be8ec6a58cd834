/**
 * Browser mode's stand-in for the Electron preload: defines window.madoguchi with one method
 * per channel, each a POST carrying the start-up secret. The secret arrives once in the URL
 * fragment (never sent to a server), moves to sessionStorage, and leaves the address bar.
 */
import type { Channel, MadoguchiApi } from '../services/contract';
import { apiOver, HTTP_API_PREFIX, SECRET_HEADER } from '../services/channels';

const KEY = 'madoguchi.secret';
const fragment = new URLSearchParams(location.hash.slice(1));
const fromUrl = fragment.get('k');
if (fromUrl) {
  sessionStorage.setItem(KEY, fromUrl);
  history.replaceState(null, '', location.pathname + location.search);
}

async function call(channel: Channel, req: unknown): Promise<unknown> {
  const secret = sessionStorage.getItem(KEY);
  if (!secret) {
    return { ok: false, error: { code: 'NO_SECRET', message: '起動時に表示されたURLからこの画面を開いてください。' } };
  }
  try {
    const res = await fetch(HTTP_API_PREFIX + channel, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
      body: JSON.stringify(req ?? {}),
    });
    return await res.json();
  } catch {
    return { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'madoguchi本体に接続できません。アプリが起動しているか確認してください。' } };
  }
}

const api: MadoguchiApi = apiOver(call);
Object.defineProperty(window, 'madoguchi', { value: Object.freeze(api), writable: false, configurable: false });
