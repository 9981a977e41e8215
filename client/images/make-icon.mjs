// Draws the extension's 128x128 icon (client/images/icon.png) with no image library: a lens over a small
// bar chart with a warning squiggle under it — ML code seen through a linter. Shapes are signed
// distances, anti-aliased by 4x4 supersampling, and the PNG is written with node:zlib.
// Run `node client/images/make-icon.mjs` after changing the drawing; the PNG itself is committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'icon.png');

const NAVY_TOP = [30, 42, 74];
const NAVY_BOTTOM = [20, 30, 56];
const WHITE = [242, 245, 250];
const TEAL = [60, 198, 176];
const AMBER = [245, 165, 36];

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

function roundedBox(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(x, y, ax, ay, bx, by) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = clamp(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0, 1);
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** Colour of one sample point, or undefined outside the icon (transparent). */
function shade(x, y) {
  if (roundedBox(x, y, 64, 64, 62, 62, 24) > 0) return undefined;
  let colour = mix(NAVY_TOP, NAVY_BOTTOM, y / SIZE);
  const lens = { x: 54, y: 54, r: 33 };
  const fromLens = Math.hypot(x - lens.x, y - lens.y);
  if (fromLens < lens.r - 4) {
    // Inside the glass: a slightly lighter field, three rising bars and a squiggle under them.
    colour = mix(colour, WHITE, 0.08);
    const bars = [[38, 14], [51, 22], [64, 30]];
    for (const [left, height] of bars) {
      if (roundedBox(x, y, left + 4, 62 - height / 2, 4, height / 2, 1.5) < 0) colour = TEAL;
    }
    const wave = 71 + 2.6 * Math.sin((x - 34) * 0.55);
    const slope = 2.6 * 0.55 * Math.cos((x - 34) * 0.55);
    if (x > 33 && x < 75 && Math.abs(y - wave) / Math.hypot(1, slope) < 1.9) colour = AMBER;
  }
  if (Math.abs(fromLens - lens.r) < 5) colour = WHITE;
  if (segment(x, y, 79, 79, 104, 104) < 7.5) colour = WHITE;
  return colour;
}

function pixels() {
  const data = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    data[row] = 0; // PNG filter type "none"
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const at = row + 1 + px * 4;
      for (let i = 0; i < 3; i++) data[at + i] = covered ? Math.round(sum[i] / covered) : 0;
      data[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`Wrote ${out} (${png.length} bytes)`);
