import { dateTimeText, linkValidity } from './chineseText.js';
import { h } from './dom.js';
import type { BulletinLink } from './staffApi.js';

/** The compiled statistics bulletins, newest first. */
export function bulletinList(bulletins: readonly BulletinLink[]): HTMLElement {
  if (bulletins.length === 0)
    return h('p', { class: 'empty' }, '尚未编制统计通报。通报按计划每日编制，编制后在此下载。');
  return h(
    'ul',
    { class: 'documents' },
    ...bulletins.map((bulletin) =>
      h(
        'li',
        {},
        h('span', { class: 'document-title' }, '统计通报'),
        h('span', { class: 'facts' }, `截至${dateTimeText(bulletin.cutoff)}`),
        h('a', { href: bulletin.url, class: 'download', 'data-format': 'pdf' }, '下载 PDF'),
        bulletin.ofd &&
          h(
            'a',
            {
              href: bulletin.ofd.url,
              class: 'download secondary',
              'data-format': 'ofd',
              'aria-label': `统计通报（截至${dateTimeText(bulletin.cutoff)}）下载 OFD 版式文件`,
            },
            '下载 OFD 版式文件',
          ),
        h('span', { class: 'note' }, `链接${linkValidity(bulletin.expiresAt)}`),
      ),
    ),
  );
}
