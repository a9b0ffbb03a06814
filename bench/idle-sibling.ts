/**
 * An idle Node process that records its own event-loop stalls (see stalls.ts) until its standard input ends,
 * then prints them as JSON: the reference for stalls of the whole machine. It says `ready` once it has started
 * (a second after it began recording), so that its own start-up, which takes the CPU for a few hundred
 * milliseconds, is over before the measured work begins.
 */
import { recordStalls } from './stalls.js';

const recorder = recordStalls();
setTimeout(() => console.log('ready'), 1000);
process.stdin.resume();
process.stdin.on('end', () => console.log(JSON.stringify(recorder.stop())));
