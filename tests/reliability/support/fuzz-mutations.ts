import fc from 'fast-check';
import { hugeStrings, oddStrings, wrongValue } from './fuzz-schema.js';

/**
 * One deliberate mistake in an otherwise valid-looking JSON value: a node of the wrong type, a field left
 * out, a field nobody asked for, a string far too long or strange. The node is picked by index among all
 * nodes, so the mistake may sit at the top or deep inside.
 */
export type Mutation =
  | { kind: 'wrong_type'; at: number; value: unknown }
  | { kind: 'missing_field'; at: number }
  | { kind: 'extra_field'; at: number; name: string; value: unknown }
  | { kind: 'huge_string'; at: number; value: string }
  | { kind: 'odd_string'; at: number; value: string };

const extraNames = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'caseId', 'revision', 'actor', '', ' ', '$type'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

export const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong_type' as const), at: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('missing_field' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extra_field' as const), at: fc.nat(), name: extraNames, value: wrongValue }),
  fc.record({ kind: fc.constant('huge_string' as const), at: fc.nat(), value: hugeStrings }),
  fc.record({ kind: fc.constant('odd_string' as const), at: fc.nat(), value: oddStrings }),
);

type Container = Record<string, unknown> | unknown[];
interface Node {
  parent: Container | undefined;
  key: string | number | undefined;
  value: unknown;
}

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

function nodesOf(root: unknown): Node[] {
  const nodes: Node[] = [];
  const walk = (value: unknown, parent: Container | undefined, key: string | number | undefined) => {
    nodes.push({ parent, key, value });
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, value, index);
    } else if (isContainer(value)) for (const [name, item] of Object.entries(value)) walk(item, value, name);
  };
  walk(root, undefined, undefined);
  return nodes;
}

/** Sets an own, enumerable property even for `__proto__`, so JSON.stringify writes it as a plain key. */
function setOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** The value with the mutation applied (a copy; the original is left alone). */
export function applyMutation(original: unknown, mutation: Mutation): unknown {
  const root = { value: structuredClone(original) };
  const nodes = nodesOf(root.value);
  const replace = (node: Node, value: unknown) => {
    if (node.parent === undefined || node.key === undefined) root.value = value;
    else setOwn(node.parent, node.key, value);
  };
  const pick = <T extends Node>(candidates: T[]): T | undefined =>
    candidates[mutation.at % candidates.length];
  switch (mutation.kind) {
    case 'wrong_type':
    case 'huge_string':
    case 'odd_string': {
      const strings = nodes.filter((node) => typeof node.value === 'string');
      const pool = mutation.kind === 'wrong_type' || strings.length === 0 ? nodes : strings;
      const node = pick(pool);
      if (node) replace(node, mutation.value);
      break;
    }
    case 'missing_field': {
      const fields = nodes.filter((node) => node.parent !== undefined && !Array.isArray(node.parent));
      const node = pick(fields);
      if (node?.parent && node.key !== undefined) delete (node.parent as Record<string, unknown>)[node.key];
      break;
    }
    case 'extra_field': {
      const objects = nodes.filter((node) => isContainer(node.value) && !Array.isArray(node.value));
      const node = pick(objects);
      if (node) setOwn(node.value as Container, mutation.name, mutation.value);
      else root.value = { [mutation.name]: mutation.value };
      break;
    }
  }
  return root.value;
}
