import { BehaviourState, type LearningSettings } from './behaviour-state.js';
import { featureCount, writeFeatures } from './features.js';
import type { DetectionLogin } from './login.js';
import { browserFamily, osFamily } from './login.js';
import type { FreemanLogin, FreemanModel } from './freeman.js';
import { evaluateRules, type Finding, type RuleSettings } from './rules.js';


/** What the assessor says about one login, from what came before it only. */
export interface Assessment {
  findings: Finding[];
  /** Engineered features, featureCount long. */
  features: Float64Array;
  /** The statistical risk and its largest term, when a risk model is used. */
  userRisk: number;
  userRiskTop: { feature: string; value: number } | null;
}

/** The categorical facts the statistical risk compares against the user's history. */
export function riskValues(login: DetectionLogin): FreemanLogin {
  return {
    ip: login.ip,
    network: login.network,
    asn: login.asn,
    country: login.country,
    browser: browserFamily(login.browser),
    os: osFamily(login.os),
    deviceType: login.deviceType,
  };
}

/**
 * Judges logins one at a time in time order, then learns from them, so a batch run and a live stream
 * fed the same logins produce the same assessments.
 */
export class LoginAssessor {
  readonly state: BehaviourState;

  constructor(
    private readonly settings: LearningSettings & RuleSettings,
    private readonly userRisk: FreemanModel | null,
  ) {
    this.state = new BehaviourState(settings);
  }

  /** Assess a login on what came before it. */
  assess(login: DetectionLogin): Assessment {
    const context = this.state.assess(login);
    const findings = evaluateRules(login, context, this.settings);
    const features = new Float64Array(featureCount);
    writeFeatures(login, context, features);
    let userRisk = 0;
    let userRiskTop: Assessment['userRiskTop'] = null;
    if (this.userRisk) {
      const risk = this.userRisk.score(login.user, riskValues(login));
      userRisk = risk.total;
      for (const [feature, value] of Object.entries(risk.perFeature)) {
        if (!userRiskTop || value > userRiskTop.value) userRiskTop = { feature, value };
      }
    }
    return { findings, features, userRisk, userRiskTop };
  }

  /** Learn from a login once it is judged. The statistical model learns the user's successful logins only. */
  learn(login: DetectionLogin): void {
    this.state.learn(login);
    if (this.userRisk && login.success) this.userRisk.observe(login.user, riskValues(login));
  }
}
