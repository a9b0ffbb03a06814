import type { Random } from '../../../src-shared/random.js';
import { dayMs } from './geo.js';
import { weightedPicker, type WeightedPicker } from './sampling.js';
import { attackTemplates, benignTemplates, type DeviceType, type UserAgentTemplate, type VersionTrack } from './user-agents.js';

/** A client as one log row shows it. Shared objects: the writers cache their quoting by identity. */
export interface Device {
  userAgent: string;
  browser: string;
  os: string;
  type: DeviceType;
  /** The template it came from: the same physical device across browser updates. */
  templateId: string;
}

// Chrome 144 and Firefox 147 shipped on 2026-01-13; both release every four weeks.
const rapidReference = Date.UTC(2026, 0, 13);
const rapidCycle = 28 * dayMs;
// Safari 26.2 shipped 2025-12-12; point releases about every eight weeks.
const safariReference = Date.UTC(2025, 11, 12);
const safariCycle = 56 * dayMs;

/** Which release of a track is current at a time: an integer step from the track's reference release. */
function releaseStep(track: VersionTrack, utcMs: number): number {
  switch (track) {
    case 'chrome':
    case 'firefox':
      return Math.floor((utcMs - rapidReference) / rapidCycle);
    case 'safari':
      return Math.floor((utcMs - safariReference) / safariCycle);
    case 'samsung':
      return Math.floor((utcMs - rapidReference) / (3 * rapidCycle));
    case 'fixed':
      return 0;
  }
}

/** The version string of a track at a release step ("144", "26.3", "29"). */
function versionOf(track: VersionTrack, step: number): string {
  switch (track) {
    case 'chrome':
      return String(Math.max(80, 144 + step));
    case 'firefox':
      return String(Math.max(70, 147 + step));
    case 'safari': {
      const minor = 2 + step;
      return `${Math.max(13, 26 + Math.floor(minor / 6))}.${((minor % 6) + 6) % 6}`;
    }
    case 'samsung':
      return String(Math.max(10, 29 + step));
    case 'fixed':
      return '';
  }
}

/** The version string of a release track at a time ("144", "26.3", "29"). */
export function versionAt(track: VersionTrack, utcMs: number): string {
  return versionOf(track, releaseStep(track, utcMs));
}

// Rendered devices per template and release step: rows reuse a handful of objects.
const rendered = new Map<UserAgentTemplate, Map<number, Device>>();

/** The device a template renders to at a time, updated `lagDays` late (users update at their own pace). */
export function deviceAt(template: UserAgentTemplate, utcMs: number, lagDays = 0): Device {
  const step = releaseStep(template.track, utcMs - lagDays * dayMs);
  let byStep = rendered.get(template);
  if (!byStep) {
    byStep = new Map();
    rendered.set(template, byStep);
  }
  let device = byStep.get(step);
  if (!device) {
    const version = versionOf(template.track, step);
    device = {
      userAgent: template.userAgent.replaceAll('{v}', version),
      browser: template.browser.replaceAll('{v}', version),
      os: template.os,
      type: template.type,
      templateId: template.id,
    };
    byStep.set(step, device);
  }
  return device;
}

const benignPickers = new Map<DeviceType, WeightedPicker<UserAgentTemplate>>();

/** A client real users of a device type run, by popularity. */
export function pickBenignTemplate(random: Random, type: 'desktop' | 'mobile' | 'tablet'): UserAgentTemplate {
  let picker = benignPickers.get(type);
  if (!picker) {
    picker = weightedPicker(benignTemplates.filter((template) => template.type === type), (template) => template.weight);
    benignPickers.set(type, picker);
  }
  return picker.pick(random);
}

const attackPicker = weightedPicker(attackTemplates, (template) => template.weight);

/** A client attack tooling presents. */
export function pickAttackTemplate(random: Random): UserAgentTemplate {
  return attackPicker.pick(random);
}

/**
 * A real-browser client on an operating system none of `owned` runs: what an attacker with stolen
 * credentials logs in with, as opposed to the victim's own devices.
 */
export function pickUnfamiliarTemplate(random: Random, owned: readonly UserAgentTemplate[]): UserAgentTemplate {
  const ownedSystems = new Set(owned.map((template) => template.os));
  const candidates = benignTemplates.filter((template) => !ownedSystems.has(template.os) && template.track !== 'fixed');
  return candidates.length > 0 ? weightedPicker(candidates, (template) => template.weight).pick(random) : random.pick(attackTemplates);
}
