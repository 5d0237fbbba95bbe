import { describe, expect, it } from 'vitest';
import { practiceIdOf } from '../../web/src/features/review/review-address.ts';

/*
 * A curator marking a practice as a duplicate pastes the original's address or its id
 * (web/src/features/review/review-address.ts): whatever is pasted, only an id goes to the API,
 * and what cannot be one is refused in the browser, beside the field.
 */

const ID = 'UHJhY3RpY2U6NWJlNjgxZWZjNmNmZTYyY2M5YzQyYjQy';

describe('the address of a duplicate’s original', () => {
  it('reads the id from a full address, a path, or the id itself, spaces around it ignored', () => {
    expect(practiceIdOf(`https://chuyengia.example/practices/${ID}`)).toBe(ID);
    expect(practiceIdOf(`http://localhost:4000/practices/${ID}/?from=search#results`)).toBe(ID);
    expect(practiceIdOf(`/practices/${ID}`)).toBe(ID);
    expect(practiceIdOf(`practices/${ID}/`)).toBe(ID);
    expect(practiceIdOf(`  ${ID}\n`)).toBe(ID);
  });

  it('refuses what cannot be a practice’s address: other pages, other schemes, paths, markup, nothing', () => {
    for (const given of [
      '',
      '   ',
      'https://chuyengia.example/threads/abc',
      'https://chuyengia.example/',
      'javascript:alert(1)',
      '../practices/x',
      '/practices/a/b',
      `${ID} ${ID}`,
      '<b>x</b>',
      'http://[bad',
    ]) {
      expect(practiceIdOf(given), given).toBeNull();
    }
  });
});
