import { h, heading, setTitle } from '../ui.js';

export function render(main) {
  setTitle('Not found');
  main.append(heading('Page not found'),
    h('p', {}, 'There is no page at this address. ', h('a', { href: '#/' }, 'Go to the upload page'), '.'));
}
