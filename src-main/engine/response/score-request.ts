import { z } from 'zod';
import type { LoginEventInput } from '../../../src-shared/event.js';

/** The body of `POST /api/v1/score` and `POST /predict`: one login attempt to judge now. */
export const scoreRequestSchema = z
  .object({
    /** UTC ms or an ISO 8601 date; the current time when absent. */
    time: z.union([z.number().int().nonnegative(), z.string().datetime({ offset: true })]).optional(),
    user: z.string().min(1).max(256),
    ip: z.string().min(1).max(64),
    outcome: z.enum(['success', 'failure']),
    user_agent: z.string().max(1024).optional(),
    country: z.string().max(64).optional(),
    city: z.string().max(128).optional(),
    region: z.string().max(128).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    asn: z.number().int().nonnegative().optional(),
  })
  .strict();

/** A validated score request. */
export type ScoreRequest = z.infer<typeof scoreRequestSchema>;

/** Validate a request body: the request, or a message naming each problem. */
export function parseScoreRequest(body: unknown): { request: ScoreRequest } | { message: string } {
  const result = scoreRequestSchema.safeParse(body);
  if (result.success) return { request: result.data };
  return { message: result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') };
}

/** The login event a request describes, as an importer would produce it. */
export function requestEvent(request: ScoreRequest, now: number): LoginEventInput {
  const time = request.time === undefined ? now : typeof request.time === 'number' ? request.time : Date.parse(request.time);
  return {
    time,
    user: request.user,
    outcome: request.outcome,
    ip: request.ip,
    country: request.country ?? null,
    region: request.region ?? null,
    city: request.city ?? null,
    latitude: request.latitude ?? null,
    longitude: request.longitude ?? null,
    asn: request.asn ?? null,
    userAgent: request.user_agent ?? null,
    authMethod: null,
    service: 'risk-api',
    host: null,
    roundTripMs: null,
    label: null,
  };
}
