import type { Random } from '../../../src-shared/random.js';
import { hashText } from './sampling.js';

/** An account name as logs show it: a unix name, and the signed 64-bit id the RBA layout uses. */
export interface Account {
  name: string;
  id: string;
  /** False for names that are not in the population (guessed or from someone else's leak). */
  exists: boolean;
}

const firstNames = [
  'anna', 'ole', 'kari', 'lars', 'ingrid', 'per', 'sofia', 'erik', 'maria', 'jonas', 'emma', 'lukas', 'olivia', 'noah',
  'james', 'mary', 'john', 'linda', 'david', 'sarah', 'michael', 'laura', 'daniel', 'julia', 'thomas', 'nina', 'peter',
  'chen', 'wei', 'yuki', 'hiroshi', 'priya', 'rahul', 'ananya', 'arjun', 'fatima', 'omar', 'leila', 'ahmed', 'carlos',
  'lucia', 'pablo', 'ana', 'marco', 'giulia', 'pierre', 'camille', 'jan', 'katarzyna', 'piotr', 'olga', 'ivan', 'mehmet',
  'ayse', 'kwame', 'amara', 'liam', 'chloe', 'ethan', 'grace', 'mateo', 'isabela', 'min', 'jisoo', 'tom', 'eva', 'nils',
];

const lastNames = [
  'hansen', 'johansen', 'olsen', 'larsen', 'andersen', 'pedersen', 'nilsen', 'berg', 'haugen', 'lindqvist', 'nyberg',
  'smith', 'jones', 'taylor', 'brown', 'wilson', 'evans', 'walker', 'clark', 'lewis', 'young', 'hall', 'wright', 'green',
  'mueller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'dubois', 'martin', 'bernard',
  'garcia', 'rodriguez', 'lopez', 'martinez', 'rossi', 'russo', 'ferrari', 'kowalski', 'nowak', 'novak', 'ivanov',
  'yilmaz', 'kaya', 'cohen', 'levi', 'khan', 'ali', 'hassan', 'sharma', 'patel', 'singh', 'reddy', 'iyer', 'nair', 'wang',
  'li', 'zhang', 'liu', 'chen', 'tanaka', 'suzuki', 'sato', 'kim', 'park', 'lee', 'nguyen', 'tran', 'santos', 'silva',
  'oliveira', 'costa', 'okafor', 'mensah', 'otieno', 'murphy', 'kelly', 'obrien', 'fraser', 'campbell', 'jensen', 'virtanen',
];

/** Names scanners and brute forcers try everywhere; none of them belongs to a person in the population. */
export const genericNames: readonly string[] = [
  'admin', 'administrator', 'root', 'test', 'user', 'guest', 'support', 'info', 'sales', 'backup', 'oracle', 'postgres',
  'ubuntu', 'git', 'deploy', 'jenkins', 'ftpuser', 'webmaster', 'service', 'helpdesk', 'operator', 'demo', 'hr', 'it',
];

/** A person-style unix name: "jsmith", "anna.berg" or "olsen" (collisions are resolved by the caller). */
export function personName(random: Random): string {
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const style = random.next();
  if (style < 0.6) return `${first[0]}${last}`;
  if (style < 0.9) return `${first}.${last}`;
  return `${first}${last[0]}`;
}

/** A signed 64-bit decimal id from a random stream (population members). */
export function randomAccountId(random: Random): string {
  const high = BigInt(random.integer(0x1_0000_0000));
  const low = BigInt(random.integer(0x1_0000_0000));
  return BigInt.asIntN(64, (high << 32n) | low).toString();
}

/** The account of a name outside the population; its id is a hash of the name, the same in every campaign. */
export function outsiderAccount(name: string): Account {
  const high = BigInt(hashText(name));
  const low = BigInt(hashText(name, 0x2545f491));
  return { name, id: BigInt.asIntN(64, (high << 32n) | low).toString(), exists: false };
}

/** A name for an account outside the population: generic (admin, root) or a person from another leak. */
export function outsiderName(random: Random, taken: ReadonlySet<string>, genericShare: number): string {
  if (random.chance(genericShare)) return random.pick(genericNames);
  for (let attempt = 0; ; attempt++) {
    const name = attempt < 20 ? personName(random) : `${personName(random)}${attempt}`;
    if (!taken.has(name)) return name;
  }
}
