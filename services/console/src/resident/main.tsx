import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResidentApp } from './ResidentApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
