/**
 * The causal map: sectors laid out by dagre, links lit when their chain link
 * fired; clicking (or pressing Enter on) a sector shows its series.
 */
import dagre from '@dagrejs/dagre';
import type { ChainLinkResult } from '@endgame/model';
import { useMemo } from 'react';
import { MAP_EDGES, MAP_NODES } from '../map/causal-graph.js';
import type { RunReply } from '../worker/protocol.js';
import { TimeChart } from './time-chart.js';

const NODE_W = 150;
const NODE_H = 40;

function layout() {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 28, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of MAP_NODES) g.setNode(node.id, { width: NODE_W, height: NODE_H });
  MAP_EDGES.forEach((edge, i) => {
    g.setEdge(edge.from, edge.to, {}, String(i));
  });
  dagre.layout(g);
  const size = g.graph() as { width?: number; height?: number };
  return {
    width: size.width ?? 800,
    height: size.height ?? 400,
    nodes: MAP_NODES.map((n) => ({ ...n, ...(g.node(n.id) as { x: number; y: number }) })),
    edges: MAP_EDGES.map((e, i) => ({
      ...e,
      key: `${e.from}-${e.to}-${e.link ?? i}`,
      points: (g.edge({ v: e.from, w: e.to, name: String(i) }) as { points: { x: number; y: number }[] }).points,
    })),
  };
}

/** Props of {@link CausalMap}. */
export interface CausalMapProps {
  chain: ChainLinkResult[];
  result: RunReply;
  x: number[];
  selected: string | null;
  onSelect(id: string): void;
  /** The unit of a series (from the model's metadata). */
  unitOf(name: string): string;
}

/** The causal map and the selected sector's series. */
export function CausalMap({ chain, result, x, selected, onSelect, unitOf }: CausalMapProps) {
  const graph = useMemo(layout, []);
  const fired = new Set(chain.filter((l) => l.onset !== null).map((l) => l.id));
  const litNodes = new Set(MAP_EDGES.filter((e) => e.link && fired.has(e.link)).flatMap((e) => [e.from, e.to]));
  const node = MAP_NODES.find((n) => n.id === selected);
  return (
    <section data-testid="causal-map" aria-label="Causal map">
      <h2>
        Causal map <span className="unit">click a sector to see its series; lit links fired</span>
      </h2>
      <div className="map-scroll">
        <svg
          className="map"
          width={graph.width}
          height={graph.height}
          viewBox={`0 0 ${graph.width} ${graph.height}`}
          aria-labelledby="map-title"
        >
          <title id="map-title">Sectors and links</title>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
            </marker>
          </defs>
          {graph.edges.map((e) => (
            <g key={e.key} className={e.link && fired.has(e.link) ? 'edge lit' : 'edge'}>
              <polyline points={e.points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" markerEnd="url(#arrow)" />
              <title>{`${e.label}${e.link ? ` (${e.link})` : ''}`}</title>
            </g>
          ))}
          {graph.nodes.map((n) => (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
            <g
              key={n.id}
              className={`node${litNodes.has(n.id) ? ' lit' : ''}${n.id === selected ? ' selected' : ''}`}
              transform={`translate(${n.x - NODE_W / 2},${n.y - NODE_H / 2})`}
              role="button"
              tabIndex={0}
              data-testid={`map-node-${n.id}`}
              onClick={() => onSelect(n.id)}
              onKeyDown={(ev) => (ev.key === 'Enter' || ev.key === ' ') && onSelect(n.id)}
            >
              <rect width={NODE_W} height={NODE_H} rx={8} />
              <text x={NODE_W / 2} y={NODE_H / 2 + 5} textAnchor="middle">
                {n.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      {node && (
        <div className="chart-grid" data-testid="map-series">
          {node.series.map((name) =>
            result.series[name] ? (
              <TimeChart
                key={name}
                title={`${node.label}: ${name}`}
                x={x}
                unit={unitOf(name)}
                lines={[{ label: name, values: result.series[name], ghost: result.baseline[name] }]}
              />
            ) : (
              <p key={name} className="notice">
                {name}: not in this model yet
              </p>
            ),
          )}
        </div>
      )}
    </section>
  );
}
