// The Mann–Whitney U test, one-sided: are values of `x` larger than values of `y` more often than
// chance allows? Non-parametric (job durations are skewed and have outliers, so no t-test), tied
// values get their average rank, and the p-value comes from the normal approximation with the tie
// and continuity corrections, which is sound from about 5 values a side (callers ask for more).

export interface MannWhitney {
  /** U of `x`: how many (x, y) pairs have x > y, ties counting one half. */
  u: number;
  z: number;
  /** P(U ≥ u) when both samples come from one distribution. */
  p: number;
}

export function mannWhitneyGreater(x: readonly number[], y: readonly number[]): MannWhitney {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { u: 0, z: 0, p: 1 };
  const all = [...x.map((v) => ({ v, fromX: true })), ...y.map((v) => ({ v, fromX: false }))].sort((a, b) => a.v - b.v);
  const n = all.length;
  let rankSumX = 0;
  let ties = 0; // Σ (t³ − t) over groups of tied values
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j + 2) / 2; // ranks i+1 … j+1, averaged
    for (let k = i; k <= j; k++) if (all[k]!.fromX) rankSumX += rank;
    const t = j - i + 1;
    ties += t ** 3 - t;
    i = j + 1;
  }
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, p: 1 }; // every value equal: no evidence either way
  const z = (u - mean - 0.5) / Math.sqrt(variance);
  return { u, z, p: upperNormalTail(z) };
}

/** P(Z ≥ z) for a standard normal Z. */
export function upperNormalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

// Numerical Recipes' erfc (Chebyshev fit): relative error below 1.2e-7 everywhere.
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? y : 2 - y;
}
