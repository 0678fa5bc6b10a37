// The shapes of the kinds of concept, as the legend shows them and as the view draws them on a large map:
// outlines that fill a 16-unit box round their centre (vis-network draws the same shapes by name).

const SHAPES = {
  dot: "M8 2a6 6 0 1 0 0.001 0Z",
  square: "M2.5 2.5h11v11h-11Z",
  triangle: "M8 1.5L14.5 13.5H1.5Z",
  triangleDown: "M1.5 2.5H14.5L8 14.5Z",
  diamond: "M8 1L15 8L8 15L1 8Z",
  star: "M8 1l2 4.6 5 .5-3.8 3.3 1.1 4.9L8 11.8 3.7 14.3l1.1-4.9L1 6.1l5-.5Z",
  hexagon: "M4.5 2h7L15 8l-3.5 6h-7L1 8Z",
};

/**
 * The outline of a shape named as vis-network names it (a dot for a name it does not know), as SVG path data.
 * @param {string} shape
 */
export function shapePath(shape) {
  return Object.hasOwn(SHAPES, shape) ? SHAPES[/** @type {keyof SHAPES} */ (shape)] : SHAPES.dot;
}

/** @type {Map<string, Path2D>} */
const PATHS = new Map();

/**
 * A concept in its kind's shape, `size` (half its height) in canvas units round (x, y).
 * @param {CanvasRenderingContext2D} context
 * @param {{x: number, y: number, size: number, shape: string, color: {background: string}}} raw
 * @param {string} outline
 * @param {number} lineWidth
 */
export function drawShape(context, raw, outline, lineWidth) {
  let path = PATHS.get(raw.shape);
  if (!path) {
    path = new Path2D(shapePath(raw.shape));
    PATHS.set(raw.shape, path);
  }
  const k = raw.size / 7;
  context.save();
  context.translate(raw.x, raw.y);
  context.scale(k, k);
  context.translate(-8, -8);
  context.fillStyle = raw.color.background;
  context.fill(path);
  context.lineWidth = lineWidth / k;
  context.strokeStyle = outline;
  context.stroke(path);
  context.restore();
}
