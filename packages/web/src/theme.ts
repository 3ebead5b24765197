/**
 * A calm, restrained look: one deep blue-green for actions, warm neutrals around it, generous
 * spacing. Shades used for text and filled buttons keep at least AA contrast on white.
 */
import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

const petrol: MantineColorsTuple = [
  '#e9f4f4',
  '#d3e8e9',
  '#a6d0d3',
  '#76b6bb',
  '#4f9fa6',
  '#358f97',
  '#247d85',
  '#17656c',
  '#105258',
  '#0a3f44',
];

export const theme = createTheme({
  // People who ask their device for less motion get dialogs without animation.
  respectReducedMotion: true,
  primaryColor: 'petrol',
  primaryShade: 7,
  colors: { petrol },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm', tt: 'none' } },
    // Mount the option list only while open: one element per label, as assistive tech expects.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
  },
});

/**
 * Mantine's default secondary text (gray 6) and error text (red 6) fall below AA contrast on
 * white; gray 7 and red 9 pass.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
