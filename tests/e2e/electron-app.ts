/**
 * What the Electron suite (npm run test:electron) drives: a packaged test build named by
 * MADOGUCHI_ELECTRON_APP (npm run dist:test makes one), else node_modules' Electron on the built
 * dist/electron/main.mjs. Either is passed to Playwright as the executable: left to itself,
 * Playwright would require('electron'), which starts a download where the binary is missing, and
 * would add its loader's --password-store=basic, which madoguchi refuses to keep its key with.
 */
import { existsSync } from 'node:fs';
import { electronBinary } from '../../electron/binary';

export interface ElectronToDrive {
  executablePath: string;
  /** Before madoguchi's own arguments: the app to run, unless the executable is the packaged app. */
  args: string[];
  packaged: boolean;
}

export function electronToDrive(env: NodeJS.ProcessEnv = process.env): ElectronToDrive | null {
  if (env.MADOGUCHI_ELECTRON_APP) return existsSync(env.MADOGUCHI_ELECTRON_APP) ? { executablePath: env.MADOGUCHI_ELECTRON_APP, args: [], packaged: true } : null;
  const electron = electronBinary(undefined, env);
  return electron ? { executablePath: electron, args: ['dist/electron/main.mjs'], packaged: false } : null;
}

/** Why there is nothing to drive, in one line, in Japanese and English. */
export function noElectron(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MADOGUCHI_ELECTRON_APP) {
    return `madoguchi: MADOGUCHI_ELECTRON_APP の実行ファイル（${env.MADOGUCHI_ELECTRON_APP}）がありません (MADOGUCHI_ELECTRON_APP names no file: ${env.MADOGUCHI_ELECTRON_APP})`;
  }
  return (
    'madoguchi: Electron の実行ファイルがないため、Electron のテストを実行できません。Electron をダウンロードできる PC で npm ci を実行するか、' +
    'MADOGUCHI_ELECTRON_APP に試験用ビルド（npm run dist:test）の実行ファイルを指定してください ' +
    '(Electron binary not installed: node_modules/electron has no path.txt and dist/. Run npm ci where Electron can be downloaded, ' +
    'or set MADOGUCHI_ELECTRON_APP to the executable of a test build made by npm run dist:test)'
  );
}
