import { movesSummary, type PortfolioFigures, portfolioSearchCount } from '@why-they-care/domain';

describe('the home page figures', () => {
  it('cost a number of searches set by the options and owners, whatever the number of companies', () => {
    // 3 buckets and "not asked" (4), 12 moves, 4 quadrants, the at-risk list, 2 late sides, 4 renewals,
    // 4 re-recruit outcomes, 4 "It's OK" renewal outcomes, 2 coverage totals: 37, then one per value theme
    // (counted in one bucket), two per concern (two buckets) and four per owner.
    expect(portfolioSearchCount({ valueThemes: 0, concerns: 0, owners: 0 })).toBe(37);
    expect(portfolioSearchCount({ valueThemes: 6, concerns: 7, owners: 4 })).toBe(37 + 6 + 14 + 16);
    expect(portfolioSearchCount({ valueThemes: 6, concerns: 7, owners: 4 })).toBe(73);
    expect(portfolioSearchCount({ valueThemes: 6, concerns: 7, owners: 5 })).toBe(37 + 6 + 14 + 20);
  });

  it('add the moves toward "We need you" and away from it, in one window', () => {
    const moves: PortfolioFigures['moves'] = [
      { days: 30, from: 'its_ok', to: 'need_you', companies: 3 },
      { days: 30, from: 'who_are_you', to: 'its_ok', companies: 2 },
      { days: 30, from: 'need_you', to: 'who_are_you', companies: 4 },
      { days: 90, from: 'its_ok', to: 'need_you', companies: 7 },
    ];
    expect(movesSummary(moves, 30)).toEqual({ up: 5, down: 4 });
    expect(movesSummary(moves, 90)).toEqual({ up: 7, down: 0 });
  });
});
