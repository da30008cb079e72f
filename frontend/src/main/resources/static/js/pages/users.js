// #/admin/users: placeholder, replaced by the page of issue 17's users work.
import { h, heading, setTitle } from '../ui.js';

export function render(main) {
  setTitle('users');
  main.append(heading('users'), h('p', {}, 'Not built yet.'));
}
