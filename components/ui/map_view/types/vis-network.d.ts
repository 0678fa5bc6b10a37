// The part of vis-network (the copy pyvis ships, vendored in ../frontend/vis-network.min.js) that the map
// view uses, for the type checker: vis-network's own types are not vendored. Loaded as the global `vis`.

export interface Point {
  x: number;
  y: number;
}

export interface Options {
  physics: { enabled: boolean; [option: string]: unknown };
  [option: string]: unknown;
}

export interface Item {
  id: string;
  [field: string]: unknown;
}

export class DataSet {
  constructor(items?: Item[]);
  add(items: Item[]): string[];
  update(items: Item[]): string[];
  remove(ids: string[]): string[];
  get(id: string): Item | null;
  getIds(options?: { filter: (item: Item) => boolean }): string[];
}

/** A concept as vis-network draws it: its place (physics and dragging move it) and its shape. */
export interface BodyNode extends Point {
  shape: { height: number };
  options: { size?: number; hidden?: boolean };
  draw(context: CanvasRenderingContext2D): void;
}

/** A relation as vis-network draws it. */
export interface BodyEdge {
  connected: boolean;
  options: { hidden?: boolean; color: { color: string } };
  edgeType: {
    getDistanceToEdge(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): number;
    getPoint(t: number): Point;
  };
  draw(context: CanvasRenderingContext2D): void;
  drawArrows(context: CanvasRenderingContext2D): void;
}

export interface ClickEvent {
  nodes: string[];
  edges: string[];
  pointer: { DOM: Point; canvas: Point };
  event?: { srcEvent?: { shiftKey?: boolean } };
}

export interface MoveTo {
  position?: Point;
  scale?: number;
  animation?: { duration: number } | false;
}

interface Events {
  click: ClickEvent;
  doubleClick: ClickEvent;
  hoverNode: { node: string };
  hoverEdge: { edge: string };
  blurNode: { node: string };
  blurEdge: { edge: string };
  dragStart: ClickEvent;
  zoom: { scale: number };
  animationFinished: undefined;
  beforeDrawing: CanvasRenderingContext2D;
  afterDrawing: CanvasRenderingContext2D;
  stabilizationIterationsDone: undefined;
  stabilized: { iterations: number };
}

export class Network {
  constructor(container: HTMLElement, data: { nodes: DataSet; edges: DataSet }, options: Options);
  /** vis-network's internals the view reads: where it draws each item. */
  body: {
    nodes: Record<string, BodyNode | undefined>;
    edges: Record<string, BodyEdge | undefined>;
    emitter: { emit(event: string): void };
  };
  on<E extends keyof Events>(event: E, callback: (params: Events[E]) => void): void;
  once<E extends keyof Events>(event: E, callback: (params: Events[E]) => void): void;
  setOptions(options: Partial<Options>): void;
  moveTo(options: MoveTo): void;
  getScale(): number;
  getViewPosition(): Point;
  DOMtoCanvas(point: Point): Point;
  canvasToDOM(point: Point): Point;
  getNodeAt(point: Point): string | undefined;
  getEdgeAt(point: Point): string | undefined;
  selectNodes(ids: string[], highlightEdges?: boolean): void;
  selectEdges(ids: string[]): void;
  unselectAll(): void;
  stabilize(iterations?: number): void;
  fit(options?: { nodes?: string[]; animation?: boolean }): void;
  /** Drag from one node to another to draw an edge: `options.manipulation.addEdge(data, callback)` is asked. */
  addEdgeMode(): void;
  disableEditMode(): void;
  redraw(): void;
  destroy(): void;
}

export interface Vis {
  Network: typeof Network;
  DataSet: typeof DataSet;
}
