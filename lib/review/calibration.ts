/**
 * Detector calibration: how the automated hallucination flag compares with the human verdict on the
 * same events. The human side is the truth here; items without a human label (still in review, or
 * reviewers disagree and nobody has adjudicated) and events the detector never scored are left out,
 * so `n` is the number of events that have both.
 */
export interface CalibrationPair {
  /** The detector's flag on the event; null when no detector ran. */
  flagged: boolean | null;
  /** The human label (hallucination yes/no); null when undecided. */
  human: boolean | null;
}

export interface DetectorCalibration {
  /** Of the events the detector flagged, the share humans confirmed; null when it flagged none. */
  precision: number | null;
  /** Of the events humans called hallucinations, the share the detector flagged; null when none. */
  recall: number | null;
  n: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

export function detectorCalibration(pairs: Iterable<CalibrationPair>): DetectorCalibration {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { flagged, human } of pairs) {
    if (flagged === null || human === null) continue;
    if (flagged && human) tp++;
    else if (flagged) fp++;
    else if (human) fn++;
    else tn++;
  }
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    n: tp + fp + fn + tn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
  };
}
