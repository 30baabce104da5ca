const { join, relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const { TIERS, inTier } = require('./tiers.cjs');

/**
 * Jest runs the slow tiers first, the longest first (the order of TIERS, reversed), then the fast tests in its
 * own order: on two workers the minute of steady load runs beside the fast tests instead of after them, and a
 * fresh machine (no timing cache yet) gets the same order as a warm one.
 */
const SLOW_TIERS = TIERS.filter((tier) => !tier.fast).reverse();

const slowRank = (test) => {
  const file = relative(join(test.context.config.rootDir, 'test'), test.path).split('\\').join('/');
  const rank = SLOW_TIERS.findIndex((tier) => inTier(tier, file));
  return rank === -1 ? SLOW_TIERS.length : rank;
};

class SlowFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    return ordered
      .map((test, position) => ({ test, position, rank: slowRank(test) }))
      .sort((a, b) => a.rank - b.rank || a.position - b.position)
      .map(({ test }) => test);
  }
}

module.exports = SlowFirstSequencer;
