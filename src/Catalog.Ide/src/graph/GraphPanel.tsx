// The graph view's panel: draws the active tab's result (see extract.ts), lets the user pan, zoom and fit it, walk
// its nodes with the keyboard, and open a node's neighbourhood in a new tab. A list of the nodes and edges, read by
// screen readers and shown on demand, says the same as the drawing.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';

import { extractGraph } from './extract';
import { layOut, type Point } from './layout';
import type { Graph, GraphEdge, GraphNode } from './model';
import { neighbourhoodQuery, operationName } from './neighbourhood';
import { NodeShape, TYPE_ORDER } from './shapes';

/** More nodes than this are not drawn: the panel says so and draws the first ones. */
export const MAX_NODES = 300;
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;
/** How wide a node's label may be drawn, in Latin characters; a CJK character counts as two. */
const LABEL_WIDTH = 24;

type View = { x: number; y: number; k: number };

type Reading =
  | { state: 'empty'; message: string }
  | { state: 'graph'; graph: Graph };

function read(response: string | null, query: string | null, schema: GraphQLSchema | null | undefined, name: string | null): Reading {
  if (!response?.trim()) return { state: 'empty', message: 'Run an operation: its result is drawn here.' };
  let result: unknown;
  try {
    result = JSON.parse(response);
  } catch {
    return { state: 'empty', message: 'The result is not JSON, so there is nothing to draw.' };
  }
  let document: DocumentNode | null = null;
  try {
    document = query ? parse(query) : null;
  } catch {
    // The operation was edited since it ran: types then come from __typename and field names alone.
  }
  const graph = extractGraph(result, { schema, document, operationName: name }, MAX_NODES);
  if (graph.nodes.length === 0)
    return {
      state: 'empty',
      message: 'This result has no objects to draw. Objects become nodes when the operation selects their id, or their slug.',
    };
  return { state: 'graph', graph };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function shorten(label: string): string {
  const flat = label.replace(/\s+/g, ' ');
  let width = 0;
  let end = 0;
  for (const char of flat) {
    width += WIDE.test(char) ? 2 : 1;
    if (width > LABEL_WIDTH - 1) return `${flat.slice(0, end)}…`;
    end += char.length;
  }
  return flat;
}

function fit(points: readonly Point[], width: number, height: number): View {
  if (points.length === 0 || width === 0 || height === 0) return { x: width / 2, y: height / 2, k: 1 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Room for the labels under the nodes and beside the outermost ones.
  const pad = 60;
  const k = Math.min(MAX_ZOOM, 1.6, (width - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY));
  const scale = Math.max(MIN_ZOOM, k);
  return { k: scale, x: width / 2 - ((minX + maxX) / 2) * scale, y: height / 2 - ((minY + maxY) / 2) * scale };
}

/** The node nearest to `from` in the direction of an arrow key, or undefined. */
function nearest(points: readonly Point[], from: number, key: string): number | undefined {
  const [dx, dy] = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key] ?? [0, 0];
  let best: number | undefined;
  let bestScore = Infinity;
  points.forEach((p, i) => {
    if (i === from) return;
    const vx = p.x - points[from].x;
    const vy = p.y - points[from].y;
    const along = vx * dx + vy * dy;
    if (along <= 0) return;
    const across = Math.abs(vx * dy - vy * dx);
    // Straight ahead wins over closer but far off to the side.
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

function describe(node: GraphNode): string {
  return `${node.label.replace(/\s+/g, ' ')} (${node.type})`;
}

function edgeText(edge: GraphEdge, byKey: Map<string, GraphNode>): string {
  const source = describe(byKey.get(edge.source)!);
  const target = describe(byKey.get(edge.target)!);
  if (edge.kind === 'nesting') return `${source}, ${edge.label}: ${target}`;
  return `${edge.step ? `Step ${edge.step}: ` : ''}${source} ${edge.label} ${target}`;
}

export default function GraphPanel() {
  const response = useGraphiQL((s) => s.tabs[s.activeTabIndex]?.response ?? null);
  const query = useGraphiQL((s) => s.tabs[s.activeTabIndex]?.query ?? null);
  const tabOperationName = useGraphiQL((s) => s.tabs[s.activeTabIndex]?.operationName ?? null);
  const schema = useGraphiQL((s) => s.schema);
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const currentOperationName = useGraphiQL((s) => s.operationName);
  const { addTab, run } = useGraphiQLActions();

  // Read when a result (or the schema) arrives, with the operation as it is then: later edits of the operation
  // must not redraw the graph.
  const reading = useMemo(() => read(response, query, schema, tabOperationName), [response, schema]);
  const graph = reading.state === 'graph' ? reading.graph : null;

  const id = useId();
  const hostRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const [size, setSize] = useState({ width: 0, height: 0 });
  // Positions, with the graph they were laid out for: a new graph is drawn once it has its own.
  const [layout, setLayout] = useState<{ graph: Graph | null; points: Point[] }>({ graph: null, points: [] });
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const [settled, setSettled] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  /** The node that has keyboard focus now (focusKey is only the graph's tab stop). */
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [showList, setShowList] = useState(false);
  const [notice, setNotice] = useState('');
  const userMoved = useRef(false);
  /** The node opened last: focus goes back to it when its neighbourhood is drawn. */
  const refocus = useRef<string | null>(null);
  /** The operation name a neighbourhood opened in a new tab waits for before it runs. */
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }),
    );
    observer.observe(host);
    return () => observer.disconnect();
  }, [graph !== null]);

  // A new result: lay it out, fitting it to the panel until the user moves the view.
  useEffect(() => {
    if (!graph) return;
    userMoved.current = false;
    setSettled(false);
    return layOut(graph, (points) => setLayout({ graph, points }), () => setSettled(true));
  }, [graph]);

  const drawn = graph !== null && layout.graph === graph;
  const points = drawn ? layout.points : [];

  useEffect(() => {
    if (drawn && !userMoved.current) setView(fit(layout.points, size.width, size.height));
  }, [drawn, layout, size]);

  // The roving tab stop: the node opened last when the new graph has it (so the keyboard walks on from there),
  // else the one that had it, else the first.
  useEffect(() => {
    if (!graph || !drawn) return;
    const has = (key: string | null): key is string => key !== null && graph.nodes.some((n) => n.key === key);
    const wanted = refocus.current;
    refocus.current = null;
    const keep = has(wanted) ? wanted : has(focusKey) ? focusKey : graph.nodes[0].key;
    setFocusKey(keep);
    if (has(wanted)) nodeRefs.current.get(wanted)?.focus({ preventScroll: true });
  }, [graph, drawn]);

  // A neighbourhood opened in a new tab runs once the editor has taken in its operation.
  useEffect(() => {
    if (pending !== null && currentOperationName === pending) {
      setPending(null);
      run();
    }
  }, [pending, currentOperationName, run]);

  const byKey = useMemo(() => new Map(graph?.nodes.map((n) => [n.key, n]) ?? []), [graph]);
  const indexOf = useMemo(() => new Map(graph?.nodes.map((n, i) => [n.key, i]) ?? []), [graph]);

  const open = useCallback(
    (node: GraphNode) => {
      const operation = neighbourhoodQuery(node);
      if (!queryEditor) return;
      if (!operation) {
        setNotice(`${node.label} has no slug or id in this result, so its neighbourhood cannot be asked for.`);
        return;
      }
      addTab();
      queryEditor.setValue(operation);
      refocus.current = node.key;
      setPending(`${operationName(node)}Neighbourhood`);
      setNotice(`Opened ${node.label}'s neighbourhood in a new tab.`);
    },
    [addTab, queryEditor],
  );

  const zoomBy = useCallback(
    (factor: number, cx = size.width / 2, cy = size.height / 2) => {
      userMoved.current = true;
      setView((v) => {
        const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
        return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
      });
    },
    [size],
  );

  const fitView = useCallback(() => {
    userMoved.current = false;
    setView(fit(points, size.width, size.height));
  }, [points, size]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = svg.getBoundingClientRect();
      zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [zoomBy, graph]);

  const drag = useRef<{ pointer: number; x: number; y: number } | null>(null);
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if ((event.target as Element).closest('.catalog-graph-node') || event.button !== 0) return;
    drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start || start.pointer !== event.pointerId) return;
    userMoved.current = true;
    const [dx, dy] = [event.clientX - start.x, event.clientY - start.y];
    drag.current = { ...start, x: event.clientX, y: event.clientY };
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const focusNode = (key: string) => {
    setFocusKey(key);
    // The view pans to it below: the browser must not scroll the page.
    nodeRefs.current.get(key)?.focus({ preventScroll: true });
    // Bring it into view when it is outside.
    const p = points[indexOf.get(key)!];
    if (!p) return;
    const [sx, sy] = [p.x * view.k + view.x, p.y * view.k + view.y];
    if (sx < 30 || sy < 30 || sx > size.width - 30 || sy > size.height - 30) {
      userMoved.current = true;
      setView((v) => ({ ...v, x: size.width / 2 - p.x * v.k, y: size.height / 2 - p.y * v.k }));
    }
  };

  const onNodeKeyDown = (event: KeyboardEvent<SVGGElement>, node: GraphNode) => {
    const nodes = graph!.nodes;
    const here = indexOf.get(node.key)!;
    let next: number | undefined;
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        open(node);
        return;
      case 'ArrowRight':
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'ArrowDown':
        next = nearest(points, here, event.key);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = nodes.length - 1;
        break;
      case 'PageDown':
        next = (here + 1) % nodes.length;
        break;
      case 'PageUp':
        next = (here - 1 + nodes.length) % nodes.length;
        break;
      case '+':
      case '=':
        zoomBy(1.25);
        break;
      case '-':
        zoomBy(0.8);
        break;
      case '0':
        fitView();
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next !== undefined) focusNode(nodes[next].key);
  };

  if (!graph) {
    return (
      <div className="catalog-graph">
        <h2 className="catalog-graph-title">Graph view</h2>
        <p className="catalog-graph-message">{reading.state === 'empty' ? reading.message : ''}</p>
      </div>
    );
  }

  const types = [...new Set(graph.nodes.map((n) => n.type))].sort(
    (a, b) => (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const path = graph.edges.filter((e) => e.kind === 'path').sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
  // The node whose field names are shown on its edges.
  const active = hoverKey ?? focusedKey;
  const hintId = `${id}-hint`;

  return (
    <div className="catalog-graph">
      <h2 className="catalog-graph-title">Graph view</h2>
      {graph.total > graph.nodes.length && (
        <p className="catalog-graph-warning" role="status">
          This result holds {graph.total} nodes, too many to draw usefully: the first {graph.nodes.length} are drawn.
        </p>
      )}
      <div className="catalog-graph-toolbar" role="toolbar" aria-label="Graph view">
        <button type="button" className="graphiql-button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="graphiql-button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="graphiql-button" onClick={fitView}>
          Fit
        </button>
        <button type="button" className="graphiql-button" aria-expanded={showList} aria-controls={`${id}-list`} onClick={() => setShowList((s) => !s)}>
          {showList ? 'Hide list' : 'Show list'}
        </button>
      </div>
      <p id={hintId} className="catalog-graph-hint">
        {graph.nodes.length} nodes, {graph.edges.length} edges{settled ? '' : ' (laying out)'}. Drag to pan, wheel to
        zoom. Arrow keys move between nodes; Enter opens a node's neighbourhood in a new tab.
      </p>
      <div className="catalog-graph-canvas" ref={hostRef}>
        <svg
          ref={svgRef}
          role="group"
          aria-label={`Graph of the result: ${graph.nodes.length} nodes`}
          aria-describedby={hintId}
          width={size.width}
          height={size.height}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <defs>
            <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0 10 5 0 10z" className="catalog-graph-arrow" />
            </marker>
            <marker id={`${id}-arrow-path`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M0 0 10 5 0 10z" className="catalog-graph-arrow-path" />
            </marker>
          </defs>
          {drawn && (
            <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
              <g aria-hidden="true">
                {graph.edges.map((edge, i) => {
                  const a = points[indexOf.get(edge.source)!];
                  const b = points[indexOf.get(edge.target)!];
                  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
                  // Stop at the target's rim, so the arrow head shows.
                  const end = { x: b.x - ((b.x - a.x) / length) * 14, y: b.y - ((b.y - a.y) / length) * 14 };
                  const showLabel = edge.kind !== 'nesting' || edge.source === active || edge.target === active;
                  return (
                    <g key={i} className={`catalog-graph-edge catalog-graph-edge-${edge.kind}`}>
                      <line x1={a.x} y1={a.y} x2={end.x} y2={end.y} markerEnd={`url(#${id}-${edge.kind === 'path' ? 'arrow-path' : 'arrow'})`} />
                      {showLabel && (
                        <text x={(a.x + b.x) / 2} y={(a.y + b.y) / 2 - 4} textAnchor="middle">
                          {edge.step ? `${edge.step}. ${edge.label}` : edge.label}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
              {graph.nodes.map((node, i) => (
                <g
                  key={node.key}
                  ref={(el) => {
                    if (el) nodeRefs.current.set(node.key, el);
                    else nodeRefs.current.delete(node.key);
                  }}
                  className={`catalog-graph-node${node.pathIndex !== undefined ? ' catalog-graph-on-path' : ''}`}
                  data-type={node.type}
                  data-key={node.key}
                  transform={`translate(${points[i].x} ${points[i].y})`}
                  role="button"
                  tabIndex={node.key === (focusKey ?? graph.nodes[0].key) ? 0 : -1}
                  aria-label={`${describe(node)}: open its neighbourhood in a new tab`}
                  onClick={() => {
                    setFocusKey(node.key);
                    open(node);
                  }}
                  onKeyDown={(event) => onNodeKeyDown(event, node)}
                  onFocus={() => {
                    setFocusKey(node.key);
                    setFocusedKey(node.key);
                  }}
                  onBlur={() => setFocusedKey(null)}
                  onPointerEnter={() => setHoverKey(node.key)}
                  onPointerLeave={() => setHoverKey(null)}
                >
                  <circle className="catalog-graph-ring" r="17" />
                  <NodeShape type={node.type} />
                </g>
              ))}
              {/* The labels, maybe shortened, over everything: a node's name for assistive technologies is its
                  aria-label, so a shortened label (which it would not contain) stays outside the button. */}
              <g aria-hidden="true">
                {graph.nodes.map((node, i) => (
                  <text
                    key={node.key}
                    className={`catalog-graph-label${node.key === focusedKey ? ' catalog-graph-label-focused' : ''}`}
                    x={points[i].x}
                    y={points[i].y + 26}
                    textAnchor="middle"
                    onClick={() => open(node)}
                  >
                    {shorten(node.label)}
                  </text>
                ))}
              </g>
            </g>
          )}
        </svg>
      </div>
      <ul className="catalog-graph-legend" aria-label="Node types">
        {types.map((type) => (
          <li key={type}>
            <svg viewBox="-12 -12 24 24" width="16" height="16" aria-hidden="true">
              <g className="catalog-graph-node" data-type={type}>
                <NodeShape type={type} />
              </g>
            </svg>
            {type}
          </li>
        ))}
      </ul>
      <p className="catalog-graph-notice" role="status">
        {notice}
      </p>
      <section id={`${id}-list`} className={showList ? 'catalog-graph-list' : 'catalog-graph-list catalog-graph-sr-only'} aria-labelledby={`${id}-list-title`}>
        <h3 id={`${id}-list-title`}>Nodes and edges</h3>
        {path.length > 0 && (
          <>
            <h4 id={`${id}-path`}>Path, {path.length} steps</h4>
            <ol aria-labelledby={`${id}-path`}>
              {path.map((edge) => (
                <li key={edge.step}>{edgeText({ ...edge, step: undefined }, byKey)}</li>
              ))}
            </ol>
          </>
        )}
        <h4 id={`${id}-nodes`}>{graph.nodes.length} nodes</h4>
        <ul aria-labelledby={`${id}-nodes`} className="catalog-graph-node-list">
          {graph.nodes.map((node) => (
            <li key={node.key}>
              {node.type}: {node.label}
            </li>
          ))}
        </ul>
        <h4 id={`${id}-edges`}>{graph.edges.length} edges</h4>
        <ul aria-labelledby={`${id}-edges`} className="catalog-graph-edge-list">
          {graph.edges.map((edge, i) => (
            <li key={i}>{edgeText(edge, byKey)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
