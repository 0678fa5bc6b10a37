// What the map view's scripts find on the page besides themselves.

import type { Vis } from "./vis-network";

declare global {
  /** vis-network, once its script has run (the page loads it on demand; the standalone explorer inlines it). */
  var vis: Vis | undefined;
  /** Set by the browser tests and benchmarks before the page starts: the view then loads its test hooks. */
  var __atlasTest: boolean | undefined;
  /** The standalone explorer's test hooks (only when `__atlasTest` is set). */
  var atlasExplorer: unknown;

  interface HTMLElement {
    /** The map view's test hooks on its root element (testing.js), when a test asked for them. */
    atlas?: unknown;
  }
}
