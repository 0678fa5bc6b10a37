// The camera: framing what is chosen (a selection and its neighbours, a tour's step, a path, what the
// filters keep) in the band of the canvas left free by the buttons and the legend, in a move that takes
// the same time however busy the page is.

import { resizeShapes } from "./look.js";
import { placeOf, sizeOf } from "./place.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("../types/vis-network").Network} Network
 * @typedef {{position: {x: number, y: number}, scale: number}} Camera
 */

// Long enough to see where the camera went, short enough that a search is answered within half a second.
const FRAME_MS = 250;
export const CLOSEST = 1.3; // the closest zoom for a selection, a search, a double-click
const CLOSEST_FRAMED = 2; // ... and for what Python asks to frame (a tour's step, a path): it fills the canvas
const NAME_ROOM = { side: 70, top: 28, bottom: 40 }; // px around framed concepts for their names
const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");

/**
 * Move and zoom so that these concepts fill the canvas (not closer than a readable zoom for one or two).
 * @param {View} view
 * @param {string[]} ids
 */
export function frame(view, ids, animate = true, closest = CLOSEST) {
  const network = view.network;
  if (!view.settled || !network || !ids.length) return;
  const present = ids.filter((id) => view.map?.raw.nodes.has(id) && placeOf(view, id));
  if (!present.length) return;
  view.camera.framed = JSON.stringify(present);
  view.root.dataset.animating = "true";
  const done = () => {
    view.root.dataset.animating = "false";
  };
  const before = { position: network.getViewPosition(), scale: network.getScale() };
  const target = fitted(view, network, present, closest);
  stopGliding(view);
  if (animate && !view.large && !REDUCED_MOTION.matches) glide(view, before, target, done);
  else {
    network.moveTo(target);
    done();
  }
}

/**
 * What Python asks to frame (a tour's step, a path), framed once: a rerun that asks again moves nothing.
 * @param {View} view
 * @param {string[]} ids
 */
export function frameOnce(view, ids) {
  if (JSON.stringify(ids) !== view.camera.framed) frame(view, ids, true, CLOSEST_FRAMED);
}

/**
 * A camera move that takes FRAME_MS however busy the page is: vis-network's own counts frames, and while
 * Streamlit draws the details it drops them (a 250 ms move took half a second).
 * @param {View} view
 * @param {Camera} from
 * @param {Camera} to
 * @param {() => void} done
 */
function glide(view, from, to, done) {
  const start = performance.now();
  const zoom = to.scale / from.scale;
  /** @param {number} now */
  const step = (now) => {
    if (!view.network) return; // the view was torn down during the move
    const t = Math.min(1, (now - start) / FRAME_MS);
    const eased = t < 0.5 ? 2 * t * t : 1 - (2 - 2 * t) ** 2 / 2; // ease in and out
    view.network.moveTo({
      position: {
        x: from.position.x + (to.position.x - from.position.x) * eased,
        y: from.position.y + (to.position.y - from.position.y) * eased,
      },
      scale: from.scale * zoom ** eased,
    });
    if (t < 1) {
      view.camera.gliding = requestAnimationFrame(step);
      return;
    }
    view.camera.gliding = 0;
    resizeShapes(view);
    done();
  };
  view.camera.gliding = requestAnimationFrame(step);
}

/**
 * A move under way stops where it is (a new one starts, or the reader drags or zooms).
 * @param {View} view
 */
export function stopGliding(view) {
  if (!view.camera.gliding) return;
  cancelAnimationFrame(view.camera.gliding);
  view.camera.gliding = 0;
  view.root.dataset.animating = "false";
}

/**
 * The view that shows these concepts in the band of the canvas between the buttons and the legend, with
 * room around them for their names (NAME_ROOM, in px, so in map units at the zoom found: found twice), no
 * closer than `closest` (a tour's step or a path fills the canvas; one concept is not blown up).
 * @param {View} view
 * @param {Network} network
 * @param {string[]} ids
 * @returns {Camera}
 */
export function fitted(view, network, ids, closest = CLOSEST) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const id of ids) {
    const node = placeOf(view, id);
    if (!node) continue;
    const size = sizeOf(view, id);
    [left, top] = [Math.min(left, node.x - size), Math.min(top, node.y - size)];
    [right, bottom] = [Math.max(right, node.x + size), Math.max(bottom, node.y + size)];
  }
  if (left === Infinity) return { position: network.getViewPosition(), scale: network.getScale() };
  const width = view.canvas.clientWidth;
  const height = view.canvas.clientHeight;
  const buttons = 44;
  const legend = view.legend;
  const below = legend.hidden || !legend.childElementCount ? 8 : legend.offsetHeight + 12;
  const band = Math.max(height - buttons - below, height * 0.5);
  // (on a phone's narrow canvas the room is a share of it: names there may stand apart, with a line)
  const room = {
    side: Math.min(NAME_ROOM.side * view.fontScale, width * 0.08),
    top: Math.min(NAME_ROOM.top, height * 0.06),
    bottom: Math.min(NAME_ROOM.bottom * view.fontScale, height * 0.08),
  };
  let scale = closest;
  for (let pass = 0; pass < 3; pass++) {
    const across = right - left + (2 * room.side) / scale;
    const down = bottom - top + (room.top + room.bottom) / scale;
    scale = Math.min(Math.max(Math.min(width / Math.max(across, 1), band / Math.max(down, 1)), 0.0005), closest);
  }
  const middle = (top - room.top / scale + bottom + room.bottom / scale) / 2;
  const shift = (height / 2 - (buttons + band / 2)) / scale;
  return { position: { x: (left + right) / 2, y: middle + shift }, scale };
}

/**
 * Zoom in (factor > 1) or out, about the middle of the canvas (the + and - keys).
 * @param {View} view
 * @param {number} factor
 */
export function zoom(view, factor) {
  const network = view.network;
  if (network) network.moveTo({ scale: network.getScale() * factor, animation: { duration: 200 } });
}
