import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { VolunteerApp } from './VolunteerApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <VolunteerApp />
  </StrictMode>,
);
