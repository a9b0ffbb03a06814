import { describe, expect, it } from 'vitest';
import type { LoginEventInput } from '../../../../src-shared/event.js';
import type { Enrichment } from '../../enrich/enricher.js';
import { eventRowColumns } from '../../store/events.js';
import type { ClientFacts, PlaceFacts } from '../../store/event-dictionaries.js';
import { createPackedEventReader, PackedEventWriter } from '../packed-events.js';

function event(index: number): LoginEventInput {
  return {
    time: 1_700_000_000_000 + index,
    user: `user-${index % 7}`,
    outcome: index % 3 === 0 ? 'failure' : 'success',
    ip: index % 5 === 0 ? null : `10.0.${index % 11}.${index}`,
    country: 'NO',
    region: null,
    city: index % 2 === 0 ? 'Oslo' : 'Bergen',
    latitude: null,
    longitude: null,
    asn: index % 4 === 0 ? null : 64_500 + index,
    userAgent: `agent ${index % 13}`,
    authMethod: 'password',
    service: index % 2 === 0 ? 'web' : null,
    host: null,
    roundTripMs: null,
    label: null,
  } as LoginEventInput;
}

function enrichment(index: number): Enrichment {
  return { network: index % 5 === 0 ? null : `10.0.${index % 11}.0/24`, browser: 'Firefox', os: 'Linux', deviceType: 'desktop' } as Enrichment;
}

describe('packed events', () => {
  it('give the writer every event as it was pushed, also when the dictionary numbering starts over', () => {
    // A tiny dictionary limit makes the numbering start over every few batches.
    const writer = new PackedEventWriter(4, 6);
    const clients: ClientFacts[] = [];
    const places: PlaceFacts[] = [];
    const read = createPackedEventReader(
      9,
      (facts) => clients.push(facts),
      (facts) => places.push(facts),
    );
    const rows: Record<string, unknown>[] = [];
    const collect = (values: readonly unknown[]): void => {
      rows.push(Object.fromEntries(eventRowColumns.map((name, index) => [name, values[index]])));
    };
    let restarts = 0;
    for (let index = 0; index < 60; index++) {
      writer.push(event(index), enrichment(index), index + 2, index + 1);
      if (index % 5 === 4) {
        const packed = writer.take();
        if (packed.restart) restarts++;
        read(packed, collect);
      }
    }
    expect(restarts).toBeGreaterThan(2);
    expect(rows).toHaveLength(60);
    rows.forEach((row, index) => {
      const input = event(index);
      expect(row).toMatchObject({
        ts: input.time,
        user: input.user,
        outcome: input.outcome === 'success' ? 1 : 0,
        ip: input.ip,
        network: enrichment(index).network,
        asn: input.asn,
        auth_method: 'password',
        service: input.service,
        host: null,
        rtt_ms: null,
        source_id: 9,
        line: index + 2,
        record: index + 1,
        label: null,
      });
      expect(clients[(row.client_id as number) - 1].userAgent).toBe(input.userAgent);
      expect(places[(row.place_id as number) - 1].city).toBe(input.city);
    });
  });
});
