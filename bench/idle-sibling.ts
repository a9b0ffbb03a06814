/**
 * An idle Node process that records its own event-loop stalls (see stalls.ts) until its standard input ends,
 * then prints them as JSON: the reference for stalls of the whole machine.
 */
import { recordStalls } from './stalls.js';

const recorder = recordStalls();
process.stdin.resume();
process.stdin.on('end', () => console.log(JSON.stringify(recorder.stop())));
