import type { IsolationForest } from './isolation-forest.js';

/** The saved form of an isolation forest (stored in the case's model_runs). */
export interface IsolationForestJson {
  kind: 'isolation-forest';
  version: 1;
  columns: number;
  trees: number;
  maxSamples: number;
  seed: number;
  roots: number[];
  feature: number[];
  /** Split values; 0 at leaves. JSON numbers round-trip doubles exactly. */
  threshold: number[];
  left: number[];
  right: number[];
  size: number[];
}

/** Save a forest as versioned JSON; `restoreIsolationForest` gives back a forest with identical scores. */
export function saveIsolationForest(forest: IsolationForest): IsolationForestJson {
  return {
    kind: 'isolation-forest',
    version: 1,
    columns: forest.columns,
    trees: forest.trees,
    maxSamples: forest.maxSamples,
    seed: forest.seed,
    roots: Array.from(forest.roots),
    feature: Array.from(forest.feature),
    threshold: Array.from(forest.threshold),
    left: Array.from(forest.left),
    right: Array.from(forest.right),
    size: Array.from(forest.size),
  };
}

/** Restore a saved forest, checking kind, version and that the nodes form trees. */
export function restoreIsolationForest(json: IsolationForestJson): IsolationForest {
  if (json?.kind !== 'isolation-forest') throw new Error(`Not an isolation forest: kind ${String(json?.kind)}.`);
  if (json.version !== 1) throw new Error(`Unsupported isolation forest version ${String(json.version)}.`);
  const nodes = json.feature.length;
  for (const name of ['threshold', 'left', 'right', 'size'] as const) {
    if (json[name].length !== nodes) throw new Error(`Isolation forest ${name} has ${json[name].length} entries, not ${nodes}.`);
  }
  if (json.roots.length !== json.trees) throw new Error(`Isolation forest has ${json.roots.length} roots for ${json.trees} trees.`);
  const forest: IsolationForest = {
    columns: json.columns,
    trees: json.trees,
    maxSamples: json.maxSamples,
    seed: json.seed,
    roots: Int32Array.from(json.roots),
    feature: Int32Array.from(json.feature),
    threshold: Float64Array.from(json.threshold),
    left: Int32Array.from(json.left),
    right: Int32Array.from(json.right),
    size: Int32Array.from(json.size),
  };
  if (!forest.roots.every((root) => root >= 0 && root < nodes)) throw new Error('Isolation forest root out of range.');
  // Children always come after their parent, which also rules out cycles.
  const isChild = (node: number, child: number): boolean => child > node && child < nodes;
  for (let node = 0; node < nodes; node++) {
    if (forest.feature[node] < 0) continue;
    if (forest.feature[node] >= forest.columns || !isChild(node, forest.left[node]) || !isChild(node, forest.right[node])) {
      throw new Error(`Isolation forest node ${node} is malformed.`);
    }
  }
  return forest;
}
