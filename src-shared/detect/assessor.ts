import { BehaviourState, type LearningSettings } from './behaviour-state.js';
import { combineFindings } from './ensemble.js';
import { featureCount, writeFeatures } from './features.js';
import { freemanFeatures, type FreemanLogin, type FreemanModel } from './freeman.js';
import type { LoginContext } from './login-context.js';
import type { DetectionLogin } from './login.js';
import { browserFamily, osFamily } from './login.js';
import { familiarWeight } from './profile.js';
import { evaluateRules, type Finding, type RuleSettings } from './rules.js';

/** What the assessor says about one login, from what came before it only. */
export interface Assessment {
  /** What the state knew of the login (kept so learning does not recompute it): the state's, valid until its next `assess`. */
  context: LoginContext;
  findings: Finding[];
  /** The findings combined (noisy-or of severities), 0..1. */
  rules: number;
  /** Engineered features, featureCount long: the assessor's scratch row, valid until its next `assess`. */
  features: Float64Array;
  /** The facts the statistical risk compared (kept so learning does not rebuild them). */
  riskValues: FreemanLogin | null;
  /** Their value ids in the risk model (-1 when new): the assessor's scratch, valid until its next `assess`. */
  riskIds: Int32Array | null;
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
 * How far a judged login may teach the user's profile: an unremarkable one fully, a somewhat unusual one
 * partly, and one the rules judged high-risk not at all (it waits for an analyst), so an attacker's
 * session cannot make itself normal by repetition.
 */
export function learningWeight(assessment: Pick<Assessment, 'rules'>, quarantineAt: number): number {
  return assessment.rules >= quarantineAt ? 0 : 1 - assessment.rules;
}

/**
 * Whether the statistical risk model learns a judged login: a successful one trusted at least as far as a
 * familiar value needs (see `learningWeight`).
 */
export function teachesUserRisk(login: Pick<DetectionLogin, 'success'>, assessment: Pick<Assessment, 'rules'>, quarantineAt: number): boolean {
  return login.success && learningWeight(assessment, quarantineAt) >= familiarWeight;
}

/** The index of a login's largest statistical-risk term (the first of equals), for its explanation. */
export function topRiskTerm(terms: Float64Array): number {
  let top = 0;
  for (let index = 1; index < terms.length; index++) if (terms[index] > terms[top]) top = index;
  return top;
}

/**
 * Judges logins one at a time in time order, then learns from them, so a batch run and a live stream
 * fed the same logins produce the same assessments.
 */
export class LoginAssessor {
  readonly state: BehaviourState;
  private readonly features = new Float64Array(featureCount);
  /** Scratch for the statistical risk's terms, one per `freemanFeatures`. */
  private readonly riskTerms = new Float64Array(freemanFeatures.length);
  private readonly riskIds = new Int32Array(freemanFeatures.length);

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
    const features = this.features;
    writeFeatures(login, context, features);
    let userRisk = 0;
    let userRiskTop: Assessment['userRiskTop'] = null;
    const values = this.userRisk ? riskValues(login) : null;
    if (this.userRisk && values) {
      const terms = this.riskTerms;
      userRisk = this.userRisk.scoreTerms(login.user, values, terms, this.riskIds);
      const top = topRiskTerm(terms);
      userRiskTop = { feature: freemanFeatures[top], value: terms[top] };
    }
    return { context, findings, rules: combineFindings(findings), features, riskValues: values, riskIds: values ? this.riskIds : null, userRisk, userRiskTop };
  }

  /**
   * Learn from a login once it is judged, trusting it as far as its assessment allows. The statistical
   * model learns the user's trusted successful logins only.
   */
  learn(login: DetectionLogin, assessment: Pick<Assessment, 'rules' | 'context' | 'riskValues' | 'riskIds'>): void {
    this.state.learn(login, learningWeight(assessment, this.settings.quarantineAt), assessment.context);
    if (this.userRisk && teachesUserRisk(login, assessment, this.settings.quarantineAt)) {
      if (assessment.riskValues) this.userRisk.observe(login.user, assessment.riskValues, assessment.riskIds ?? undefined);
      else this.userRisk.observe(login.user, riskValues(login));
    }
  }
}
