/**
 * Survival function of Kolmogorov's limiting distribution (scipy `kstwobign.sf`):
 * Q(z) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²z²}. For small z the alternating series converges slowly,
 * so the CDF's theta-function form √(2π)/z · Σ e^{−(2k−1)²π²/(8z²)} is used there instead.
 */
export function kolmogorovSf(z: number): number {
  if (!(z > 0)) return 1;
  if (z < 1.18) {
    const w = (Math.PI * Math.PI) / (8 * z * z);
    let cdf = 0;
    for (let k = 1; k <= 20; k++) cdf += Math.exp(-(2 * k - 1) * (2 * k - 1) * w);
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / z) * cdf));
  }
  let sf = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * z * z);
    sf += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sf));
}
