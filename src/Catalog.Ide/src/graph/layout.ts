// Force-directed layout (d3-force), run a few milliseconds per animation frame so that a large graph never holds
// the page: the drawing settles in front of the user instead.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

import type { Graph } from './model';

export type Point = { x: number; y: number };

type LayoutNode = SimulationNodeDatum & { index: number };

/** Distance between two nodes of a path, which is laid out on a straight line. */
const PATH_SPACING = 150;
/** Time the layout may take per animation frame. */
const FRAME_BUDGET_MS = 10;
const MAX_TICKS = 300;

/**
 * Lays the graph out, calling `onFrame` with every node's position (in `graph.nodes` order) after each frame's
 * work and `onDone` once it has settled. Returns a function that stops it.
 */
export function layOut(graph: Graph, onFrame: (points: Point[]) => void, onDone: () => void): () => void {
  const index = new Map(graph.nodes.map((node, i) => [node.key, i]));
  const pathLength = graph.nodes.filter((n) => n.pathIndex !== undefined).length;
  const nodes: LayoutNode[] = graph.nodes.map((node, i) => {
    // A path's nodes are pinned on a line, in order; everything else finds its place around them.
    if (node.pathIndex === undefined) return { index: i };
    const x = (node.pathIndex - (pathLength - 1) / 2) * PATH_SPACING;
    return { index: i, x, y: 0, fx: x, fy: 0 };
  });
  const links: SimulationLinkDatum<LayoutNode>[] = graph.edges.map((edge) => ({
    source: index.get(edge.source)!,
    target: index.get(edge.target)!,
  }));

  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).distance(110))
    .force('charge', forceManyBody().strength(-420).distanceMax(600))
    .force('collide', forceCollide(34))
    .force('x', forceX(0).strength(0.05))
    .force('y', forceY(0).strength(0.05))
    .stop();

  let ticks = 0;
  let frame = 0;
  const positions = () => nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 }));
  const step = () => {
    const start = performance.now();
    while (ticks < MAX_TICKS && simulation.alpha() >= simulation.alphaMin() && performance.now() - start < FRAME_BUDGET_MS) {
      simulation.tick();
      ticks++;
    }
    onFrame(positions());
    if (ticks < MAX_TICKS && simulation.alpha() >= simulation.alphaMin()) frame = requestAnimationFrame(step);
    else onDone();
  };
  onFrame(positions());
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}
