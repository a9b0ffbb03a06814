import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect-format.js';

/** The first 20 non-empty lines of a shared data file, as the importer samples them. */
function sample(path: string): string[] {
  return readFileSync(resolve('../shared/data', path), 'utf8').split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '').slice(0, 20);
}

describe('detectFormat', () => {
  it('recognises the real sample files', () => {
    expect(detectFormat(sample('rba/rba-dataset-head.csv'))).toBe('rba');
    expect(detectFormat(sample('loghub/OpenSSH_2k.log'))).toBe('authlog');
    expect(detectFormat(sample('loghub/Linux_2k.log'))).toBe('authlog');
  });

  it('looks past comment lines, as in the annotated fail2ban excerpts', () => {
    expect(detectFormat(sample('fail2ban/sshd.log'))).toBe('authlog');
    expect(detectFormat(sample('fail2ban/dovecot.log'))).toBe('authlog');
    expect(detectFormat(['# only comments', '# here'])).toBeNull();
  });

  it('recognises the RBA header with a byte-order mark', () => {
    expect(detectFormat([`\uFEFF${sample('rba/rba-dataset-head.csv')[0]}`])).toBe('rba');
  });

  it('tells journal exports from generic JSON lines', () => {
    expect(detectFormat(['{"__REALTIME_TIMESTAMP":"1709287200123456","_HOSTNAME":"gw","MESSAGE":"x"}'])).toBe('journal');
    expect(detectFormat(['{"MESSAGE":"x","_COMM":"sshd"}'])).toBe('journal');
    expect(detectFormat(['{"time":"2026-03-01T10:00:00Z","user":"a","success":true}', '{"time":"2026-03-01T10:00:01Z","user":"b","success":false}'])).toBe('jsonl');
  });

  it('tells syslog with priority from auth.log lines', () => {
    expect(detectFormat(['<38>1 2019-07-08T17:40:16.954167-04:00 host sshd 57915 - - Failed password for root from 192.0.2.1 port 1 ssh2'])).toBe('syslog');
    expect(detectFormat(['<86>Mar  1 10:00:00 gw sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2'])).toBe('syslog');
    expect(detectFormat(['2024-03-01T10:00:00.123456+01:00 gw sshd[7]: Accepted publickey for alice from 192.0.2.1 port 5 ssh2'])).toBe('authlog');
    expect(detectFormat(["type=USER_AUTH msg=audit(1373129280.000:9): pid=1277 msg='op=pubkey acct=\"root\" res=failed'"])).toBe('authlog');
  });

  it('recognises a generic CSV by a consistent header with time and user columns', () => {
    expect(detectFormat(['timestamp;username;status', '2026-03-01 10:00:00;alice;ok', '2026-03-01 10:00:01;bob;failed'])).toBe('csv');
    expect(detectFormat(['when\tactor\tresult', '1772359200\ta\t1'])).toBe('csv');
  });

  it('says null when unsure', () => {
    expect(detectFormat([])).toBeNull();
    expect(detectFormat(['hello world', 'nothing to see'])).toBeNull();
    expect(detectFormat(['a,b,c', '1,2,3'])).toBeNull();
    expect(detectFormat(['time,user,outcome', '1,2', '3', '4,5,6,7', 'x'])).toBeNull();
    expect(detectFormat(['[1,2]', '[3]'])).toBeNull();
  });
});
