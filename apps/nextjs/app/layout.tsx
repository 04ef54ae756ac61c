import type { ReactNode } from 'react';
import '@flowise-kit/react/styles.css';
import '@flowise-kit/widget/styles.css';

export const metadata = { title: 'flowise-kit on Next.js', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif', background: '#f6f7f9' }}>{children}</body>
    </html>
  );
}
