// The colours the view draws with: read from the page's theme (Streamlit's `--st-*` variables, which the
// standalone explorer sets too), and how strongly lines and outlines are drawn, normal or high contrast.

/**
 * @typedef {{edgeAlpha: number, wash: number, width: number, emphasis: number, border: number, halo: number}} Palette
 * @typedef {{text: string, background: string, font: string, focus: string, dimText: string,
 *   line: (alpha: number) => string, solidLine: string, key: string, toJSON: () => string}} Theme
 */

/** @type {Record<string, Palette>} */
export const PALETTES = {
  normal: { edgeAlpha: 0.55, wash: 0.85, width: 1.3, emphasis: 2.4, border: 1.5, halo: 4 },
  high: { edgeAlpha: 0.85, wash: 0.7, width: 2, emphasis: 3.6, border: 3, halo: 6 },
};

/**
 * @param {HTMLElement} root
 * @param {boolean} highContrast
 * @returns {Theme}
 */
export function readTheme(root, highContrast) {
  const style = getComputedStyle(root);
  const text = style.getPropertyValue("--st-text-color").trim() || "#31333f";
  const background = style.getPropertyValue("--st-background-color").trim() || "#ffffff";
  const font = style.getPropertyValue("--st-font").trim() || "'Source Sans Pro', sans-serif";
  const focus = style.getPropertyValue("--st-primary-color").trim() || "#1f5fa8";
  const [r, g, b] = rgb(text);
  const dark = luminance(rgb(background)) < 0.4;
  const strongText = highContrast ? (dark ? "#ffffff" : "#000000") : text;
  return {
    text: strongText,
    background,
    font,
    focus,
    dimText: `rgba(${r}, ${g}, ${b}, 0.45)`,
    line: (alpha) => (dark ? `rgba(200, 200, 200, ${alpha})` : `rgba(110, 110, 110, ${alpha})`),
    solidLine: dark ? "#6f7278" : "#bdbdbd", // a line of the map's grey, opaque (drawLines): about 0.5 on the background
    key: `${strongText}|${background}|${font}`,
    toJSON() {
      return this.key;
    },
  };
}

/**
 * A colour as its red, green and blue (0-255), as the canvas reads it.
 * @param {string} color
 */
function rgb(color) {
  const probe = /** @type {CanvasRenderingContext2D} */ (document.createElement("canvas").getContext("2d"));
  probe.fillStyle = color;
  const hex = String(probe.fillStyle); // normalised to #rrggbb by the canvas
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return [49, 51, 63];
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}

/** @param {number[]} colour */
function luminance([r, g, b]) {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}
