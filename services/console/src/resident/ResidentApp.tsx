import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Page } from '../mobile/ui';
import { BookedPage } from './BookedPage';
import { BookPage } from './BookPage';
import { HomePage } from './HomePage';
import { ProvidersPage } from './ProvidersPage';
import { RatePage } from './RatePage';
import { StatusPage } from './StatusPage';
import { ThanksPage } from './ThanksPage';

const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 60_000 } } });

/** The residents' site at /m/: public, no account; the texted links land on /m/status and /m/rate. */
export function ResidentApp() {
  return (
    <QueryClientProvider client={queries}>
      <BrowserRouter basename="/m">
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/providers" element={<ProvidersPage />} />
          <Route path="/book" element={<BookPage />} />
          <Route path="/booked/:number" element={<BookedPage />} />
          <Route path="/status/:id" element={<StatusPage />} />
          <Route path="/rate/:id" element={<RatePage />} />
          <Route path="/thanks" element={<ThanksPage />} />
          <Route
            path="*"
            element={
              <Page title="页面不存在" back="/">
                <p>没有找到这个页面。</p>
              </Page>
            }
          />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
