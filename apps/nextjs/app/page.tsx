import { ChatWindow } from '@flowise-kit/react';
import { ChatWidget } from '@flowise-kit/widget';

// A server component: it renders the kit's client components with plain props. The page knows the chatflow only
// by the name the route handler maps ("support"), and has no API key: `apiHost` is this app's own route.
export default function Home() {
  return (
    // The bottom padding keeps the widget's launcher clear of the composer on a phone.
    <main
      style={{ maxWidth: 760, margin: '0 auto', padding: '24px 16px 88px', height: '100dvh', boxSizing: 'border-box' }}
    >
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>Support</h1>
      <div style={{ height: 'calc(100% - 44px)' }}>
        <ChatWindow apiHost="/api/flowise" chatflowId="support" title="Ask our docs" persistKey="support" />
      </div>
      <ChatWidget apiHost="/api/flowise" chatflowId="support" title="Quick question?" persist={false} />
    </main>
  );
}
