// Large data that reaches the page out of band: the map (once per content) and what the filters show.
//
// Python mounts each blob as a hidden element of its own whose data is raw bytes: the blob's name and a
// tag naming its content, on a line each, then the content. Streamlit sends an element that has not changed since the last
// run as a reference to the copy the browser already holds, so a click or a filter that leaves the map
// as it was sends no map at all. The views ask for a blob by its key and the tag they expect.

const blobs = new Map(); // key -> {tag, body}
const decoded = new Map(); // `${key}:${tag}` -> Promise of the parsed JSON
const waiting = new Set(); // callbacks to try again when a blob arrives
const NEWLINE = 10;

export function put(bytes) {
  const nameEnd = bytes.indexOf(NEWLINE);
  const tagEnd = bytes.indexOf(NEWLINE, nameEnd + 1);
  const text = new TextDecoder();
  const key = text.decode(bytes.subarray(0, nameEnd));
  const tag = text.decode(bytes.subarray(nameEnd + 1, tagEnd));
  if (blobs.get(key)?.tag === tag) return;
  const before = blobs.get(key);
  if (before) decoded.delete(`${key}:${before.tag}`);
  blobs.set(key, { tag, body: bytes.subarray(tagEnd + 1) });
  performance.mark(`atlas:blob:${key}`);
  for (const retry of [...waiting]) retry();
}

// The body of blob `key` once its content is `tag`.
export function bytes(key, tag) {
  return new Promise((resolve) => {
    const attempt = () => {
      const blob = blobs.get(key);
      if (blob?.tag !== tag) return false;
      waiting.delete(attempt);
      resolve(blob.body);
      return true;
    };
    if (!attempt()) waiting.add(attempt);
  });
}

// The gzipped JSON of blob `key` once its content is `tag`, parsed once however many views ask.
export function json(key, tag) {
  const name = `${key}:${tag}`;
  if (!decoded.has(name)) {
    decoded.set(
      name,
      bytes(key, tag).then((body) => {
        const stream = new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).json().then((parsed) => {
          performance.mark(`atlas:parsed:${key}`);
          return parsed;
        });
      }),
    );
  }
  return decoded.get(name);
}
