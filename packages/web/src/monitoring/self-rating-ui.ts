/** What the screens of her self-rating share: the faces' tones, focus, and buttons that wrap. */
import type { ScaleStep } from '@cope/domain';
import type { ButtonProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';

/** Tone of each face, always with its number and words. */
export const STEP_COLOR: Record<ScaleStep, string> = {
  1: 'var(--mantine-color-red-8)',
  2: 'var(--mantine-color-orange-9)',
  3: 'var(--mantine-color-gray-8)',
  4: 'var(--mantine-color-teal-8)',
  5: 'var(--mantine-color-green-9)',
};

/**
 * Big buttons whose words may be long in her language (or the staff member's): the words wrap
 * inside the button, and the button grows, instead of running past the card.
 */
export const WRAPPING_ROOT = {
  height: 'auto',
  minHeight: 'var(--button-height)',
  paddingBlock: 8,
  maxWidth: '100%',
} as const;
export const WRAPPING_LABEL = {
  whiteSpace: 'normal',
  overflow: 'visible',
  lineHeight: 1.25,
  textAlign: 'center',
} as const;
export const WRAPPING_BUTTON: ButtonProps['styles'] = { root: WRAPPING_ROOT, label: WRAPPING_LABEL };

/** A phone or a tablet held sideways: the sphere's picture and heading shrink to leave room for the faces. */
export function useShortScreen(): boolean {
  return useMediaQuery('(max-height: 56em)', true, { getInitialValueInEffect: false });
}

/** The screen's heading takes the focus when the screen changes, so a screen reader follows. */
export function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves when the screen changes
  useEffect(() => ref.current?.focus(), [key]);
  return ref;
}
