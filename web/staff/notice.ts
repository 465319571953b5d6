import { byId } from './dom.js';

/** The one message line at the top of the page: an error, or nothing. */
export function showNotice(message: string | undefined): void {
  const notice = byId('notice');
  notice.hidden = message === undefined;
  notice.textContent = message ?? '';
  notice.className = 'notice error';
}
