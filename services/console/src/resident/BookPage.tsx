import { useMutation } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ok } from '../api/call';
import { Choices, ErrorNote, Page } from '../mobile/ui';
import { preferredWindow, TIME_CHOICES, type TimeChoice } from './preferred-time';
import { plainError, publicApi, useCategories, useUnits } from './public-api';

const RESEND_SECONDS = 60;

export function BookPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const categories = useCategories();
  const units = useUnits();
  const [category, setCategory] = useState(params.get('category') ?? '');
  const providerId = params.get('provider') ?? '';
  const provider = units.data?.find((u) => u.id === providerId);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState<TimeChoice>('soon');
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((s) => s - 1), 1_000);
    return () => clearTimeout(t);
  }, [wait]);

  const sendCode = useMutation({
    mutationFn: () => ok(publicApi.POST('/api/request/public/bookings/verification', { body: { phone } })),
    onSuccess: () => setWait(RESEND_SECONDS),
  });
  const book = useMutation({
    mutationFn: () =>
      ok(
        publicApi.POST('/api/request/public/bookings', {
          body: {
            phone,
            code,
            categoryCode: category,
            description,
            preferredWindow: preferredWindow(when, new Date()),
            chosenProviderId: provider?.id,
          },
        }),
      ),
    onSuccess: (booked) => navigate(`/booked/${booked.number}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    book.mutate();
  };
  const bookable = categories.data?.filter(
    (c) => c.kind !== 'consultation' && (!provider || provider.offerings.some((o) => o.categoryCode === c.code)),
  );
  return (
    <Page title="在线预约" back="/">
      <form onSubmit={submit}>
        {provider && (
          <p className="notice">
            您选的服务方：<strong>{provider.displayName}</strong>（能接单时优先派给它）
          </p>
        )}
        <label className="field">
          <span>要办什么事</span>
          <select value={category} onChange={(e) => setCategory(e.target.value)} required aria-label="服务项目">
            <option value="">请选择</option>
            {bookable?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>手机号（在社区登记过的）</span>
          <div className="inline">
            <input
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              required
              aria-label="手机号"
            />
            <button
              type="button"
              className="btn secondary"
              disabled={!phone || wait > 0 || sendCode.isPending}
              onClick={() => sendCode.mutate()}
            >
              {wait > 0 ? `${wait} 秒后可重发` : '获取验证码'}
            </button>
          </div>
        </label>
        {sendCode.isSuccess && <p className="notice">如果这个号码在社区登记过，验证码已用短信发给您，10 分钟内有效。</p>}
        {sendCode.isError && <ErrorNote error={plainError(sendCode.error)} />}
        <label className="field">
          <span>短信验证码</span>
          <input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            required
            aria-label="验证码"
          />
        </label>
        <p className="muted">上门地址：按您在社区登记的住址，不用再填。</p>
        <label className="field">
          <span>遇到什么问题</span>
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
            maxLength={2000}
            aria-label="问题描述"
            placeholder="例如：厨房水管漏水，滴个不停"
          />
        </label>
        <div className="field">
          <span style={{ display: 'block', fontWeight: 600 }}>希望什么时候上门</span>
          <Choices label="上门时间" options={TIME_CHOICES} value={when} onChange={setWhen} />
        </div>
        {book.isError && <ErrorNote error={plainError(book.error, true)} />}
        <button className="btn" type="submit" disabled={book.isPending} style={{ marginTop: '1rem' }}>
          {book.isPending ? '正在提交…' : '提交预约'}
        </button>
      </form>
    </Page>
  );
}
