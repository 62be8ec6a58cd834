/** A madoguchi process that opens the app on a data folder and keeps it open until killed. argv: dataDir. */
import { VIEWER_PRINTER } from '../../services/printing';
import { join } from 'node:path';
import { keyFileStore } from '../../browser/key-file';
import { openApp } from '../../services/app';

const dataDir = process.argv[2]!;
openApp({ dataDir, keys: keyFileStore(join(dataDir, 'madoguchi.key')), printer: VIEWER_PRINTER });
process.stdout.write('open\n');
setInterval(() => undefined, 60_000);
