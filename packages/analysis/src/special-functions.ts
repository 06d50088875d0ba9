/**
 * The special functions behind the distributions: the standard normal CDF and
 * its inverse, log-gamma, and the regularised incomplete beta function and its
 * inverse. Accurate to about 1e-14 over the ranges the distributions use.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/** Upper tail Q(z) = 1 − Φ(z) for z ≥ 3, by its continued fraction (Lentz's method). */
function upperTailContinuedFraction(z: number): number {
  // Q(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + ...))))
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = z + k * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = z + k / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(z) / f;
}

/**
 * Standard normal CDF Φ(z): Marsaglia's series 0.5 + φ(z)(z + z³/3 + z⁵/15 + …)
 * for |z| < 3, the tail's continued fraction beyond (so small tails keep their
 * relative precision).
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z >= 3) return 1 - upperTailContinuedFraction(z);
  if (z <= -3) return upperTailContinuedFraction(-z);
  let term = z;
  let sum = z;
  const z2 = z * z;
  for (let k = 3; k < 200; k += 2) {
    term *= z2 / k;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + normalPdf(z) * sum;
}

const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Acklam's rational approximation of Φ⁻¹ (relative error ~1e-9). */
function acklam(p: number): number {
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const tail = p < low ? p : 1 - p;
    const q = Math.sqrt(-2 * Math.log(tail));
    const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
    const [d0, d1, d2, d3] = ACKLAM_D;
    const x = (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * Inverse standard normal CDF Φ⁻¹(p) for p in (0, 1) (−∞ at 0, +∞ at 1):
 * Acklam's approximation refined by Halley steps on {@link normalCdf}.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x = acklam(p);
  for (let i = 0; i < 2; i++) {
    // Work on the smaller tail so the residual keeps its relative precision.
    const e = x <= 0 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
    const u = e / normalPdf(x);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const fix = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / fix(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / fix(1 + aa * d);
    c = fix(1 + aa / c);
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / fix(1 + aa * d);
    c = fix(1 + aa / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b) for x in [0, 1], a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * Inverse of {@link incompleteBeta} in x: the p-quantile of Beta(a, b).
 * Newton steps kept inside a bisection bracket, so it always converges.
 */
export function incompleteBetaInverse(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // The upper tail through the mirror image, where the root lies near 0 and its relative
  // tolerance is fine (1 - p is exact for p >= 0.5): near 1, roots of close p's could come out in
  // the wrong order by a rounding step.
  if (p > 0.5) return 1 - incompleteBetaInverse(1 - p, b, a);
  const logNorm = logGamma(a + b) - logGamma(a) - logGamma(b);
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  for (let i = 0; i < 200; i++) {
    const f = incompleteBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp(logNorm + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x));
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-16) return next;
    x = next;
  }
  return x;
}
