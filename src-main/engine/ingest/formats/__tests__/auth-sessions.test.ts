import { describe, expect, it } from 'vitest';
import { createSessionTable } from '../auth-sessions.js';

describe('createSessionTable', () => {
  it('forgets the oldest tenth when full and keeps the newer sessions as they were', () => {
    const table = createSessionTable(20);
    for (let pid = 0; pid < 20; pid++) table.open(`host\u0000sshd\u0000${pid}`).attempts = pid;
    table.open('host\u0000sshd\u000020');
    expect(table.find('host\u0000sshd\u00000')).toBeUndefined();
    expect(table.find('host\u0000sshd\u00001')).toBeUndefined();
    expect(table.find('host\u0000sshd\u00002')?.attempts).toBe(2);
    expect(table.find('host\u0000sshd\u000019')?.attempts).toBe(19);
    expect(table.find('host\u0000sshd\u000020')?.attempts).toBe(0);
  });

  it('starts a fresh session under a reused key', () => {
    const table = createSessionTable();
    table.open('key').accepted = true;
    expect(table.restart('key').accepted).toBe(false);
    expect(table.find('key')?.accepted).toBe(false);
  });
});
