// #/admin/retention: placeholder, replaced by the page of issue 17's retention work.
import { h, heading, setTitle } from '../ui.js';

export function render(main) {
  setTitle('retention');
  main.append(heading('retention'), h('p', {}, 'Not built yet.'));
}
