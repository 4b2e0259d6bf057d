// Each type of node has its own shape as well as its own colour (graph.css), so types are told apart without colour.

/** The catalog's types, in the order the legend lists them; others follow by name. */
export const TYPE_ORDER = ['Technology', 'Category', 'Organization', 'Talk', 'Person', 'Event'];

/** A regular polygon of `sides` sides and circumradius `r`, one vertex up. */
function polygon(sides: number, r: number, rotation = 0): string {
  const points = Array.from({ length: sides }, (_, i) => {
    const angle = -Math.PI / 2 + rotation + (2 * Math.PI * i) / sides;
    return `${(r * Math.cos(angle)).toFixed(2)},${(r * Math.sin(angle)).toFixed(2)}`;
  });
  return points.join(' ');
}

const SHAPES: Record<string, string> = {
  Category: polygon(4, 13),
  Organization: polygon(6, 12, Math.PI / 6),
  Talk: polygon(4, 13, Math.PI / 4),
  Person: polygon(3, 13),
  Event: polygon(5, 12),
};

export function NodeShape({ type }: { type: string }) {
  const points = SHAPES[type];
  if (points) return <polygon className="catalog-graph-shape" points={points} />;
  return <circle className="catalog-graph-shape" r={type === 'Technology' ? 10 : 8} />;
}
