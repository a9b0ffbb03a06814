import { z } from 'zod';

/** What an allow-list entry names. */
export const allowListKinds = ['user', 'ip', 'asn', 'country'] as const;
export type AllowListKind = (typeof allowListKinds)[number];

/** A new allow-list entry as the UI sends it; the value is checked and normalised by the engine. */
export const allowListInputSchema = z.object({
  kind: z.enum(allowListKinds),
  /** A user name, an address or CIDR block, an ASN ("AS15169" or "15169"), or an ISO country code. */
  value: z.string().trim().min(1).max(256),
  /** Why it is trusted ("office VPN", "vulnerability scanner"), kept for the next analyst. */
  note: z.string().max(2000),
});
export type AllowListInput = z.infer<typeof allowListInputSchema>;

/** A user, address, network, ASN or country whose logins never alert; their events and scores stay visible. */
export interface AllowListEntry {
  id: number;
  kind: AllowListKind;
  value: string;
  note: string;
  createdAt: number;
  createdBy: string;
}
