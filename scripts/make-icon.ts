/**
 * Draws build/icon.png, the one icon electron-builder needs: a counter window (窓口) of four
 * panes on the app's blue. 512 × 512 so that electron-builder can make Windows' .ico (it wants
 * 256 or more) and Linux's sizes from it. Pure Node, so that the asset can be drawn again anywhere:
 * `node --import tsx scripts/make-icon.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
/** Samples per pixel side: edges come out smooth without a drawing library. */
const AA = 4;
type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x4e, 0x8c, 255];
const FRAME: Rgba = [0xff, 0xff, 0xff, 255];
const PANE: Rgba = [0xcf, 0xe3, 0xf7, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Inside a rounded rectangle (x0, y0)–(x1, y1) with corner radius r. */
function inRounded(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at one sample point, in 512-pixel coordinates. */
function colourAt(x: number, y: number): Rgba {
  if (!inRounded(x, y, 16, 16, 496, 496, 96)) return CLEAR;
  if (!inRounded(x, y, 104, 104, 408, 408, 28)) return BLUE;
  const pane = inRounded(x, y, 132, 132, 380, 380, 10);
  const bar = Math.abs(x - 256) <= 14 || Math.abs(y - 256) <= 14;
  return pane && !bar ? PANE : FRAME;
}

function pixels(): Buffer {
  // One filter byte (0: none) at the start of every row, as PNG wants.
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < AA; sy++) {
        for (let sx = 0; sx < AA; sx++) {
          const c = colourAt(px + (sx + 0.5) / AA, py + (sy + 0.5) / AA);
          // Premultiplied, so that a half-covered edge pixel keeps its colour and halves its alpha.
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * c[3];
          sum[3]! += c[3];
        }
      }
      const at = py * (SIZE * 4 + 1) + 1 + px * 4;
      const alpha = sum[3]!;
      for (let i = 0; i < 3; i++) rows[at + i] = alpha === 0 ? 0 : Math.round(sum[i]! / alpha);
      rows[at + 3] = Math.round(alpha / (AA * AA));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`madoguchi: build/icon.png (${SIZE}×${SIZE}, ${png.length} bytes)`);
