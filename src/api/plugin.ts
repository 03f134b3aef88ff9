import type { FastifyPluginAsync } from 'fastify';

/**
 * Marks a plugin as not encapsulated, as `fastify-plugin` does (a transitive dependency we do not declare):
 * its hooks, handlers and decorations then apply to the whole app, not only to its own children.
 */
export function unencapsulated<Options extends Record<string, unknown>>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  return Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: name,
  });
}
