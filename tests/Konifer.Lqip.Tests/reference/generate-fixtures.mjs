// Writes lqip-fixtures.json: pixel recipes plus the hashes the official encoders produce for them.
// Usage (outside the repo): npm install blurhash@2.0.5 thumbhash@0.1.1 && node generate-fixtures.mjs > lqip-fixtures.json
// The recipes use integer arithmetic only, so LqipFixturePixels.cs rebuilds the same bytes in C#.
import { createHash } from "node:crypto";
import { encode as blurhash, decode as blurhashToRgba } from "blurhash";
import { rgbaToThumbHash, thumbHashToRGBA } from "thumbhash";

// Decoded previews are compared by digest to keep this file small.
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function pixel(recipe, x, y, w, h) {
  const [r0, g0, b0, a0] = recipe.colour ?? [0, 0, 0, 255];
  switch (recipe.kind) {
    case "solid":
      return [r0, g0, b0, a0];
    case "horizontal": {
      const t = w > 1 ? Math.floor((255 * x) / (w - 1)) : 0;
      return [255 - t, g0, t, a0];
    }
    case "vertical": {
      const t = h > 1 ? Math.floor((255 * y) / (h - 1)) : 0;
      return [t, 255 - t, b0, a0];
    }
    case "pattern":
      return [(x * 37 + y * 11) % 256, (x * y * 7) % 256, ((x ^ y) * 5) % 256, ((x + 2 * y) % 7) * 42 + (x % 2) * 3];
    case "disc": {
      const dx = 2 * x + 1 - w, dy = 2 * y + 1 - h, radius = Math.min(w, h);
      const inside = dx * dx + dy * dy <= radius * radius;
      return inside ? [r0, g0, b0, 255] : [255 - r0, 255 - g0, 255 - b0, 0];
    }
    default:
      throw new Error(`unknown recipe ${recipe.kind}`);
  }
}

function render(recipe) {
  const { width: w, height: h } = recipe;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) rgba.set(pixel(recipe, x, y, w, h), (y * w + x) * 4);
  return rgba;
}

const recipes = [
  { kind: "solid", width: 1, height: 1, colour: [255, 0, 0, 255] },
  { kind: "solid", width: 8, height: 8, colour: [255, 0, 0, 255] },
  { kind: "solid", width: 37, height: 23, colour: [18, 140, 200, 255] },
  { kind: "solid", width: 10, height: 10, colour: [0, 200, 0, 128] },
  { kind: "horizontal", width: 37, height: 23, colour: [0, 64, 0, 255] },
  { kind: "horizontal", width: 100, height: 75, colour: [0, 128, 0, 255] },
  { kind: "vertical", width: 23, height: 37, colour: [0, 0, 90, 255] },
  { kind: "vertical", width: 100, height: 100, colour: [0, 0, 200, 255] },
  { kind: "pattern", width: 37, height: 23 },
  { kind: "pattern", width: 100, height: 75 },
  { kind: "pattern", width: 64, height: 1 },
  { kind: "disc", width: 100, height: 75, colour: [230, 120, 20] },
  { kind: "disc", width: 31, height: 50, colour: [20, 60, 220] },
  // 2.5 luminance terms on the short side: JavaScript rounds halves up, not to even
  { kind: "disc", width: 50, height: 100, colour: [128, 128, 128] },
  { kind: "vertical", width: 5, height: 14, colour: [0, 0, 40, 255] },
];
const components = [[1, 1], [4, 3], [4, 4], [9, 9], [3, 7], [9, 1]];

const fixtures = recipes.map((recipe) => {
  const rgba = render(recipe);
  const blurhashes = components.map(([x, y]) => ({ componentsX: x, componentsY: y, hash: blurhash(rgba, recipe.width, recipe.height, x, y) }));
  const thumbhash = rgbaToThumbHash(recipe.width, recipe.height, rgba);
  const preview = thumbHashToRGBA(thumbhash);
  return {
    ...recipe,
    blurhash: blurhashes,
    // The 4×3 hash rendered at 8×6 by the official decoder
    blurhashDecoded8x6: sha256(blurhashToRgba(blurhashes[1].hash, 8, 6)),
    thumbhash: Buffer.from(thumbhash).toString("base64"),
    thumbhashDecoded: { width: preview.w, height: preview.h, sha256: sha256(preview.rgba) },
  };
});
// One fixture a line keeps the file small and its diffs readable.
const header = `"generator": "generate-fixtures.mjs", "blurhash": "2.0.5", "thumbhash": "0.1.1"`;
process.stdout.write(`{ ${header},\n "fixtures": [\n${fixtures.map((f) => "  " + JSON.stringify(f)).join(",\n")}\n ]\n}\n`);
