import { describe, expect, it } from 'vitest';
import { fitWithin } from './photo';

describe('a photo is scaled to at most 600 px on its longer side', () => {
  it.each([
    [900, 1200, 450, 600],
    [1200, 900, 600, 450],
    [3000, 4000, 450, 600],
    [300, 400, 300, 400],
    [600, 600, 600, 600],
    [5000, 10, 600, 1],
  ])('%i×%i → %i×%i', (width, height, w, h) => {
    expect(fitWithin(width, height)).toEqual({ width: w, height: h });
  });
});
