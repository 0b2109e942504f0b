/**
 * How many cases a property test runs: the full count in `npm test` (and CI), fewer in a quick
 * local loop (`npm run test:quick`, or KHCT_PROPERTY_RUNS=N). The seed stays fixed, so a run of N
 * cases is always the same N cases.
 */
export function propertyRuns(full: number): number {
  const wanted = Number(process.env.KHCT_PROPERTY_RUNS);
  return Number.isInteger(wanted) && wanted > 0 ? Math.min(wanted, full) : full;
}
