import { describe, expect, it } from 'vitest';
import { createEnricher } from '../../enrich/enricher.js';
import { bundledLocationSources } from '../../enrich/locations.js';
import { LiveParseThread } from '../live-parse-thread.js';
import { LiveParser } from '../live-parser.js';

describe('LiveParseThread', () => {
  const options = { timeZone: 'UTC', year: 2026 };
  const texts = [
    '<38>Mar  1 10:00:01 bastion sshd[101]: Failed password for root from 203.0.113.9 port 50022 ssh2',
    null,
    '<38>Mar  1 10:00:02 bastion sshd[102]: Accepted publickey for alice from 8.8.8.8 port 50100 ssh2: RSA SHA256:abc',
    '<30>Mar  1 10:00:04 bastion systemd[1]: Started Session 1 of user alice.',
    'this is not syslog at all',
  ];

  it('parses and enriches a batch as a parser in this thread does, keeping each source apart', async () => {
    const thread = new LiveParseThread();
    try {
      const here = new LiveParser(options, createEnricher(bundledLocationSources()));
      const parsed = await thread.parse(7, options, texts, 1);
      expect(parsed).toEqual(here.parse(texts, 1));
      expect(parsed.outcomes.map((outcome) => outcome?.kind ?? null)).toEqual(['events', null, 'events', 'ignored', 'reject']);
      const alice = parsed.outcomes[2];
      expect(alice?.kind === 'events' && alice.events[0].event).toMatchObject({ user: 'alice', country: 'US' });
      // Another source has a parser of its own; a second batch of the first goes on from where it was.
      expect(await thread.parse(8, options, texts.slice(0, 1), 1)).toEqual(new LiveParser(options, createEnricher(bundledLocationSources())).parse(texts.slice(0, 1), 1));
      expect(await thread.parse(7, options, texts.slice(2, 3), 6)).toEqual(here.parse(texts.slice(2, 3), 6));
    } finally {
      await thread.stop();
    }
  });

  it('rejects parses once stopped, so the caller parses itself', async () => {
    const thread = new LiveParseThread();
    await thread.stop();
    await expect(thread.parse(1, options, texts, 1)).rejects.toThrow('stopped');
  });
});
