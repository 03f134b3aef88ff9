import { z } from 'zod';

/**
 * Who did something, as every event and access-log record names them: a token's `sub`. One to 200 of
 * letters and digits (any script), `.`, `_`, `@`, `:`, `|` and `-`: enough for user names, e-mail
 * addresses, UUIDs and identity providers' subjects (`auth0|5f7c…`, Entra ID's base64url object ids), and
 * nothing a log line, a CSV cell or an auditor's screen could mistake for something else (no controls, no
 * spaces, no quotes).
 */
export const ActorIdSchema = z
  .string()
  .regex(/^[\p{L}\p{N}._@:|-]{1,200}$/u, 'must be 1–200 letters, digits or . _ @ : | -');
