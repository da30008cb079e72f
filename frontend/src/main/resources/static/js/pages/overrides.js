// #/admin/overrides: placeholder, replaced by the page of issue 17's overrides work.
import { h, heading, setTitle } from '../ui.js';

export function render(main) {
  setTitle('overrides');
  main.append(heading('overrides'), h('p', {}, 'Not built yet.'));
}
