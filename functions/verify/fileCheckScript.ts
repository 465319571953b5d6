/**
 * The page's one script: the visitor picks the PDF (or the OFD beside it) they hold, the browser
 * hashes it (Web Crypto, nothing is uploaded) and says whether it is the stored document. Served inline and allowed by
 * its hash in the page's CSP; without it the page still says everything but the file check.
 */
export const FILE_CHECK_SCRIPT = `(() => {
  const section = document.getElementById('file-check');
  const input = document.getElementById('file');
  const result = document.getElementById('check-result');
  if (!section || !input || !result) return;
  section.hidden = false;
  if (!window.crypto || !crypto.subtle) {
    input.disabled = true;
    result.textContent = '此浏览器无法在本页核对文件（需经 HTTPS 打开本页）。';
    return;
  }
  const expected = [section.dataset.sha256, section.dataset.ofdSha256].filter(Boolean);
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    result.removeAttribute('data-outcome');
    if (!file) {
      result.textContent = '';
      return;
    }
    result.textContent = '正在核对……';
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const same = expected.includes(hex);
    result.dataset.outcome = same ? 'match' : 'mismatch';
    result.textContent = same
      ? '一致：所选文件与存档文书完全相同。'
      : '不一致：所选文件与存档文书不同，可能经过改动，不能作为有效文书。';
  });
})();
`;
