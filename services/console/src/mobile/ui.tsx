import { ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import './mobile.css';

const LARGE_KEY = 'bangbang.large-type';

/** The large-type choice, kept on the phone so the next visit opens the same way. */
export function useLargeType(): [boolean, () => void] {
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('large', large);
    localStorage.setItem(LARGE_KEY, large ? '1' : '0');
  }, [large]);
  return [large, () => setLarge((l) => !l)];
}

export function TopBar({ title, back }: { title: string; back?: string }) {
  const [large, toggle] = useLargeType();
  return (
    <header className="top">
      {back && (
        <Link to={back} aria-label="返回">
          ‹ 返回
        </Link>
      )}
      <h1>{title}</h1>
      <button type="button" className="type-toggle" aria-pressed={large} onClick={toggle}>
        {large ? '标准字' : '大字'}
      </button>
    </header>
  );
}

export function Page({ title, back, children }: { title: string; back?: string; children: ReactNode }) {
  return (
    <>
      <TopBar title={title} back={back} />
      <main className="page">{children}</main>
    </>
  );
}

export const ErrorNote = ({ error }: { error: unknown }) =>
  error ? (
    <p className="error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  ) : null;

export const Loading = ({ what = '内容' }: { what?: string }) => <p className="muted">正在加载{what}…</p>;

/** Stars out of five with the number of ratings beside them, as residents read them on shopping apps. */
export function Stars({ score, count }: { score: number; count: number }) {
  const full = Math.round(score);
  return (
    <span aria-label={`${score.toFixed(1)} 星，${count} 人评价`}>
      <span className="stars">
        {'★'.repeat(full)}
        {'☆'.repeat(5 - full)}
      </span>{' '}
      <strong>{score.toFixed(1)}</strong>
      <span className="muted">（{count} 人评价）</span>
    </span>
  );
}

/** A set of big buttons choosing one value (radios are too small for older fingers). */
export function Choices<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: [T, string][];
  value: T | undefined;
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <div className="choices" role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button key={v} type="button" className="choice" aria-pressed={value === v} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}
