// The upper tail of a Poisson law, for "is this count far above what the baseline expects?".

/** P(X ≥ k) for X ~ Poisson(mean); 1 when k is not above the mean (never a surprise). */
export function poissonTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  if (k <= mean) return 1;
  // Sum the terms from k upwards in log space (e^-mean underflows for large means); past the mean
  // each term is smaller than the last by mean/(i+1), so the sum converges quickly.
  let logTerm = k * Math.log(mean) - mean - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-12) break;
    logTerm += Math.log(mean) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 256) {
    let s = 0;
    for (let i = 2; i <= n; i++) s += Math.log(i);
    return s;
  }
  // Stirling's series: exact to ~1e-12 at this size.
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}
