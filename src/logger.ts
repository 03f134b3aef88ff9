/**
 * The logger the views and the workers write to: pino's shape, so Fastify's logger and the CLI's fit. The
 * composition root hands one in; a part started without one (a test) is given `silentLogger`.
 */
export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
