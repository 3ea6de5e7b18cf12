import { AnchorMdx, CodeOrSourceMdx, HeadersMdx, Markdown } from '@storybook/addon-docs/blocks';
import * as React from 'react';
import screenshot from '../../docs/screenshot.png';

/* -------------------------------------------------------------------------------------------------
 * A Markdown file of docs/ (or the README) as a Storybook docs page, so the text lives in one place.
 * Links between the files lead to their Storybook pages; the README's screenshot shows as it is.
 * -----------------------------------------------------------------------------------------------*/

/** Each Markdown file's page, by the file's name in docs/. */
const PAGES: Record<string, string> = {
  'README.md': 'introduction--docs',
  'adapter.md': 'guides-writing-an-adapter--docs',
  'callback.md': 'guides-the-callback-page--docs',
  'hooks.md': 'guides-hooks-and-store--docs',
  'components.md': 'guides-components--docs',
  'theming.md': 'guides-theming--docs',
  'localization.md': 'guides-localization--docs',
  'accessibility.md': 'guides-accessibility--docs',
  'security.md': 'guides-security--docs',
  'size-and-speed.md': 'guides-size-and-speed--docs',
};

/** `hooks.md#usereauthorization`, `docs/hooks.md` or `../README.md` as a Storybook path; other links as they are. */
function toStorybook(href: string): string {
  const [file = '', hash] = href.split('#');
  const page = PAGES[file.split('/').pop() ?? ''];
  if (!page || /^[a-z][a-z\d+.-]*:/i.test(href)) return href;
  return `?path=/docs/${page}${hash ? `#${hash}` : ''}`;
}

/** Storybook's link: `?path=…` moves the manager to that page, `#…` scrolls this one. */
const Anchor = AnchorMdx as React.FC<{ href: string; title?: string; children?: React.ReactNode }>;

function DocLink({ href = '', ...props }: { href?: string; title?: string; children?: React.ReactNode }) {
  return <Anchor {...props} href={toStorybook(href)} />;
}

function DocImage({ src = '', alt = '', ...props }: React.ImgHTMLAttributes<HTMLImageElement>) {
  return <img {...props} alt={alt} src={src.endsWith('screenshot.png') ? screenshot : src} style={{ maxWidth: '100%' }} />;
}

/** `<DocPage>{markdown}</DocPage>`: the file, with Storybook's code blocks, headings and links. */
function DocPage({ children }: { children: string }) {
  return (
    <Markdown options={{ forceBlock: true, overrides: { code: CodeOrSourceMdx, a: DocLink, img: DocImage, ...HeadersMdx } }}>
      {children}
    </Markdown>
  );
}

export { DocPage };
