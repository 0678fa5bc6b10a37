// Names on a canvas: where each goes and how it is drawn, the most important first, so that they keep a
// readable size, wrap at spaces only (a word is never broken) and never overlap. Used by the map view
// (network.js) and, inlined at export time, by the standalone explorer (components/exchange/standalone), so both
// name a map the same way. Pure canvas work: what to name and at which size is the caller's.

/**
 * @typedef {{x: number, y: number, width: number, height: number, owner: string | null}} Box
 * A name as drawn, in px from the canvas's top left.
 * @typedef {{id: string, x: number, y: number, width: number, height: number, size: number, lines: string[]}} Drawn
 * @typedef {{id: string, label: string, centre: {x: number, y: number}, radius: number, size: number,
 *   weight: string, promised: boolean, kept: boolean, focus: Set<string> | null}} Name
 * @typedef {{taken: Boxes, shapes: Boxes, width: number, height: number, lineEm: number, font: string,
 *   text: string, dimText: string, background: string, halo: number}} Page
 */

// Rectangles already taken on the canvas, bucketed in a grid so a check looks at a few, not all.
export class Boxes {
  constructor(cell = 96) {
    this.cell = cell;
    /** @type {Map<string, Box[]>} */
    this.grid = new Map();
  }

  /**
   * @param {number} x
   * @param {number} y
   * @param {number} width
   * @param {number} height
   */
  *cells(x, y, width, height) {
    for (let i = Math.floor(x / this.cell); i <= Math.floor((x + width) / this.cell); i++) {
      for (let j = Math.floor(y / this.cell); j <= Math.floor((y + height) / this.cell); j++) yield `${i},${j}`;
    }
  }

  /**
   * Whether the rectangle touches one already taken (other than `except`'s own; of `among`'s, if given).
   * @param {number} x
   * @param {number} y
   * @param {number} width
   * @param {number} height
   * @param {string | null} except
   * @param {Set<string> | null} among
   */
  hits(x, y, width, height, except = null, among = null) {
    for (const key of this.cells(x, y, width, height)) {
      for (const box of this.grid.get(key) ?? []) {
        if (box.owner === except && except !== null) continue;
        if (among && (box.owner === null || !among.has(box.owner))) continue;
        if (x < box.x + box.width && box.x < x + width && y < box.y + box.height && box.y < y + height) return true;
      }
    }
    return false;
  }

  /**
   * @param {number} x
   * @param {number} y
   * @param {number} width
   * @param {number} height
   * @param {string | null} owner
   */
  add(x, y, width, height, owner = null) {
    const box = { x, y, width, height, owner };
    for (const key of this.cells(x, y, width, height)) {
      const boxes = this.grid.get(key);
      if (boxes) boxes.push(box);
      else this.grid.set(key, [box]);
    }
  }
}

// Place and draw one name, if there is room: `name` is {id, label, centre: {x, y} in px, radius (the
// concept's, in px), size (px), weight, promised (may stand apart, with a line back to its concept), kept
// (in focus: drawn in full colour), focus (the ids in focus, or null)}; `page` is {taken, shapes (Boxes),
// width, height (the canvas's, in px), lineEm (how many ems a line may run), font, text, dimText,
// background, halo}. Returns the box drawn ({id, x, y, width, height, size, lines}) or null.
/**
 * @param {CanvasRenderingContext2D} context
 * @param {Name} name
 * @param {Page} page
 * @returns {Drawn | null}
 */
export function placeName(context, name, page) {
  const { centre, radius, size, promised, kept } = name;
  const { taken, shapes, width, height } = page;
  if (centre.x < -200 || centre.y < -100 || centre.x > width + 200 || centre.y > height + 100) return null;
  if (!kept && (centre.x < 0 || centre.y < 0 || centre.x > width || centre.y > height)) return null;
  context.font = `${name.weight} ${size}px ${page.font}`;
  const lines = wrap(context, name.label, size * page.lineEm);
  const lineHeight = size * 1.15;
  const boxWidth = Math.max(...lines.map((line) => context.measureText(line).width));
  const boxHeight = lines.length * lineHeight;
  /** @param {number[]} place */
  const inside = ([x, y]) => x >= 2 && y >= 2 && x + boxWidth <= width - 2 && y + boxHeight <= height - 2;
  /** @param {number[]} place */
  const free = (place) => inside(place) && !taken.hits(place[0], place[1], boxWidth, boxHeight);
  /** @param {number[]} place */
  const clear = ([x, y]) => !shapes.hits(x, y, boxWidth, boxHeight, name.id);
  const around = placesAround(centre, radius, boxWidth, boxHeight);
  const near = around.filter(free);
  const far = promised ? placesAround(centre, radius, boxWidth, boxHeight, true).slice(16).filter(free) : [];
  // A promised name was given room below its concept (layout.make_room): it takes it whenever free.
  const below = promised && free(around[0]) ? around[0] : null;
  /** @type {number[] | null | undefined} */
  let place = below ?? near.find(clear) ?? near[0] ?? far.find(clear) ?? far[0];
  if (place && !kept && name.focus && shapes.hits(place[0], place[1], boxWidth, boxHeight, name.id, name.focus))
    place = null;
  if (!place) return null; // a faded name never covers what is in focus
  const [x, y] = place;
  taken.add(x, y, boxWidth, boxHeight);
  const nearX = Math.max(x, Math.min(centre.x, x + boxWidth));
  const nearY = Math.max(y, Math.min(centre.y, y + boxHeight));
  if (Math.hypot(nearX - centre.x, nearY - centre.y) > radius * 1.9 + 4) {
    context.beginPath(); // a name set apart from its concept points back to it
    context.moveTo(centre.x, centre.y);
    context.lineTo(nearX, nearY);
    context.lineWidth = 1;
    context.strokeStyle = page.text;
    context.stroke();
  }
  context.textBaseline = "top";
  context.textAlign = "left";
  context.lineJoin = "round";
  context.lineWidth = page.halo;
  context.strokeStyle = page.background;
  context.fillStyle = kept ? page.text : page.dimText;
  lines.forEach((line, index) => {
    const lineX = x + (boxWidth - context.measureText(line).width) / 2;
    context.strokeText(line, lineX, y + index * lineHeight);
    context.fillText(line, lineX, y + index * lineHeight);
  });
  return { id: name.id, x, y, width: boxWidth, height: boxHeight, size, lines };
}

// Where a name may go, best first: below its concept, above, to the right, to the left, then the
// corners, then a little farther out; always touching or near the concept it names.
/**
 * @param {{x: number, y: number}} centre
 * @param {number} radius
 * @param {number} width
 * @param {number} height
 */
function placesAround(centre, radius, width, height, far = false) {
  const places = [];
  for (const gap of far
    ? [0, radius * 0.8, radius * 2 + 10, radius * 3 + 24, radius * 4 + 40, radius * 6 + 60]
    : [0, radius * 0.8]) {
    const r = radius + gap;
    places.push(
      [centre.x - width / 2, centre.y + r],
      [centre.x - width / 2, centre.y - r - height],
      [centre.x + r + 2, centre.y - height / 2],
      [centre.x - r - 2 - width, centre.y - height / 2],
      [centre.x + r * 0.7, centre.y + r * 0.7],
      [centre.x - r * 0.7 - width, centre.y + r * 0.7],
      [centre.x + r * 0.7, centre.y - r * 0.7 - height],
      [centre.x - r * 0.7 - width, centre.y - r * 0.7 - height],
    );
  }
  return places;
}

// Greedy word wrap: a line breaks only between words; a word longer than the line stands alone, whole.
/**
 * @param {CanvasRenderingContext2D} context
 * @param {string} text
 * @param {number} maxWidth
 */
export function wrap(context, text, maxWidth) {
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
