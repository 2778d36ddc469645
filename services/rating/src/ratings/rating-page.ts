import { RATING_TAGS } from '@bangbang/contracts';

const ANSWERS: [string, string][] = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['dissatisfied', '不满意'],
];
const TAG_LABELS: Record<(typeof RATING_TAGS)[number], string> = {
  punctual: '准时',
  polite: '礼貌',
  tidy: '整洁',
  price_as_quoted: '按报价收费',
};

const radios = (name: string) =>
  ANSWERS.map(([value, label]) => `<label><input type="radio" name="${name}" value="${value}" required> ${label}</label>`).join(' ');

/**
 * The page behind the link in the resident's text message. It holds no data of its own: the token
 * from the link is the only credential, and the script posts the answers to the public rating API.
 */
export const RATING_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>帮帮团 · 服务评价</title>
<style>body{font-family:sans-serif;max-width:34rem;margin:1rem auto;padding:0 1rem;line-height:1.6}fieldset{margin:0 0 1rem;border:1px solid #ccc}label{margin-right:.8rem;white-space:nowrap}button{font-size:1.1rem;padding:.4rem 1.2rem}#result{margin-top:1rem;font-weight:bold}</style>
</head><body>
<h1>帮帮团服务评价</h1>
<form id="rating">
<fieldset><legend>您对帮帮团的服务满意吗？</legend>${radios('team')}</fieldset>
<fieldset><legend>您对上门服务方满意吗？</legend>${radios('provider')}</fieldset>
<fieldset><legend>问题解决了吗？</legend><label><input type="radio" name="solved" value="true" required> 已解决</label> <label><input type="radio" name="solved" value="false"> 未解决</label></fieldset>
<fieldset><legend>服务方做得好的地方（可多选）</legend>${RATING_TAGS.map((t) => `<label><input type="checkbox" name="tags" value="${t}"> ${TAG_LABELS[t]}</label>`).join(' ')}</fieldset>
<fieldset><legend>留言（选填，500字以内）</legend><textarea name="comment" maxlength="500" rows="4" style="width:100%"></textarea></fieldset>
<button type="submit">提交评价</button>
</form>
<p id="result" role="status"></p>
<script src="../rating-page.js"></script>
</body></html>`;

export const RATING_PAGE_SCRIPT = `(function () {
  var params = new URLSearchParams(location.search);
  var token = params.get('token');
  var requestId = location.pathname.split('/').pop();
  // Keep the one-time token out of the address bar, history and bookmarks.
  history.replaceState(null, '', location.pathname);
  var form = document.getElementById('rating');
  var result = document.getElementById('result');
  if (!token) { result.textContent = '链接无效，请使用短信中的完整链接。'; form.hidden = true; return; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData(form);
    var body = {
      token: token,
      team: data.get('team'),
      provider: data.get('provider'),
      solved: data.get('solved') === 'true',
      tags: data.getAll('tags'),
    };
    var comment = String(data.get('comment') || '').trim();
    if (comment) body.comment = comment;
    fetch('../ratings/' + encodeURIComponent(requestId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(function (json) {
        if (res.ok) { form.hidden = true; result.textContent = '感谢您的评价！'; return; }
        var message = Array.isArray(json.message) ? json.message.join('；') : json.message;
        result.textContent = '提交失败：' + (message || res.status);
      });
    }).catch(function () { result.textContent = '网络错误，请稍后再试。'; });
  });
})();
`;
