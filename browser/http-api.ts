/**
 * Browser mode's wire, shared by the loopback server and the page's bridge. The URL printed at
 * start carries a start key in its fragment; the page exchanges it once for a session token, which
 * every API call carries and the page keeps in sessionStorage (so a reload keeps working, while
 * the copy of the URL in the browser's History opens nothing).
 */
export const API_PREFIX = '/api/';
export const SESSION_PATH = '/session';
export const START_KEY_HEADER = 'x-madoguchi-start-key';
export const SESSION_HEADER = 'x-madoguchi-session';

export const NO_SESSION = {
  code: 'NO_SESSION',
  message: 'この画面は、madoguchi の起動時に表示されたURLから一度だけ開けます。madoguchi を起動し直し、新しく表示されたURLを開いてください。',
} as const;
