// Large data that reaches the page out of band: the map (once per content) and what the filters show.
//
// Python mounts each blob as a hidden element of its own whose data is raw bytes: the blob's name and a
// tag naming its content, on a line each, then the content. Once the page says it holds that tag (the
// element's state `held`, see network.js), the element carries the name and tag alone (no line break
// after the tag): a click or a filter that leaves the map as it was sends no map at all. The views ask
// for a blob by its key and the tag they expect.

const KEPT = 2; // tags kept per blob: the newest, and the one before (an overtaken run may still ask for it)
/** @type {Map<string, {tag: string, body: Uint8Array}[]>} */
const blobs = new Map(); // key -> [{tag, body}], newest first
/** @type {Map<string, Promise<any>>} */
const decoded = new Map(); // `${key}:${tag}` -> Promise of the parsed JSON (any: the caller names its type)
/** @type {Set<() => boolean>} */
const waiting = new Set(); // callbacks to try again when a blob arrives
const NEWLINE = 10;

/**
 * @param {string} key
 * @param {string} tag
 */
function find(key, tag) {
  return blobs.get(key)?.find((blob) => blob.tag === tag);
}

// Keep a blob that arrived; returns its tag if the page holds it now, or null if it came without its
// content (Python believes the page holds it) and the page has lost it, so that Python sends it again.
/** @param {Uint8Array} bytes */
export function put(bytes) {
  const nameEnd = bytes.indexOf(NEWLINE);
  const tagEnd = bytes.indexOf(NEWLINE, nameEnd + 1);
  const text = new TextDecoder();
  const key = text.decode(bytes.subarray(0, nameEnd));
  const tag = text.decode(bytes.subarray(nameEnd + 1, tagEnd === -1 ? bytes.length : tagEnd));
  if (find(key, tag)) return tag;
  if (tagEnd === -1) return null;
  const kept = [{ tag, body: bytes.subarray(tagEnd + 1) }, ...(blobs.get(key) ?? [])];
  for (const dropped of kept.splice(KEPT)) decoded.delete(`${key}:${dropped.tag}`);
  blobs.set(key, kept);
  performance.mark(`atlas:blob:${key}`);
  for (const retry of [...waiting]) retry();
  return tag;
}

/**
 * The body of blob `key` once its content is `tag`.
 * @param {string} key
 * @param {string} tag
 * @returns {Promise<Uint8Array>}
 */
export function bytes(key, tag) {
  return new Promise((resolve) => {
    const attempt = () => {
      const blob = find(key, tag);
      if (!blob) return false;
      waiting.delete(attempt);
      resolve(blob.body);
      return true;
    };
    if (!attempt()) waiting.add(attempt);
  });
}

/**
 * The gzipped JSON of blob `key` once its content is `tag`, parsed once however many views ask.
 * @param {string} key
 * @param {string} tag
 * @returns {Promise<any>} as the caller knows it (any: JSON has no type until it is read)
 */
export function json(key, tag) {
  const name = `${key}:${tag}`;
  let parsed = decoded.get(name);
  if (!parsed) {
    parsed = bytes(key, tag).then((body) => {
      const part = /** @type {BlobPart} */ (body); // a view of bytes, which Blob takes (TypeScript's types disagree)
      const stream = new Blob([part]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).json().then((json) => {
        performance.mark(`atlas:parsed:${key}`);
        return json;
      });
    });
    decoded.set(name, parsed);
  }
  return parsed;
}
