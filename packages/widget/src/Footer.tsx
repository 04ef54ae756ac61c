import { safeLinkUrl, useLabels } from '@flowise-kit/react';
import type { EmbedTheme } from './embed-theme.js';

const HOME = 'https://github.com/flowise-kit/flowise-kit';

/** The line under the composer: "Powered by flowise-kit" unless the theme says otherwise or hides it. */
export function Footer({ footer }: { footer: NonNullable<EmbedTheme['chatWindow']>['footer'] }) {
  const labels = useLabels();
  if (footer?.showFooter === false) return null;
  const company = footer?.company ?? labels.footerCompany;
  // The default company is ours, so is the default link; a company the site names links only where it says.
  const link = safeLinkUrl(footer?.companyLink ?? (footer?.company === undefined ? HOME : undefined));
  return (
    <p className="fk-widget__footer">
      {footer?.text ?? labels.footerText}{' '}
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {company}
        </a>
      ) : (
        <strong>{company}</strong>
      )}
    </p>
  );
}
