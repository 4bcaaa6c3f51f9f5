/** react-dom ships without type declarations here; clientEntry.ts only evaluates it, it uses none of its exports. */
declare module 'react-dom/client';
