// Constant markup (never text from the map) as elements: what a view builds itself on its first run.
/** @param {string} html */
export function markup(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}
