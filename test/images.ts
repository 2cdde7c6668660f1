import { PNG } from 'pngjs';

/* Images whole enough for the upload checks (src/documents/inspection.ts), for tests. */

/** A small valid PNG (2×2, grey), as a decoder accepts it. */
export function png(): Buffer {
  const image = new PNG({ width: 2, height: 2 });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}

/** The smallest baseline JPEG structure: SOI, a frame of 1×1, a scan, EOI. */
export function jpeg(): Buffer {
  return Buffer.from([
    0xff,
    0xd8, // SOI
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    0x00,
    0x01,
    0x00,
    0x01,
    0x01,
    0x01,
    0x11,
    0x00, // SOF0 1×1, 1 component
    0xff,
    0xda,
    0x00,
    0x08,
    0x01,
    0x01,
    0x00,
    0x00,
    0x3f,
    0x00, // SOS
    0x12,
    0x34,
    0xff,
    0x00,
    0x56, // entropy-coded data with a stuffed 0xFF
    0xff,
    0xd9, // EOI
  ]);
}
