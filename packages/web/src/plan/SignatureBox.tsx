/**
 * A box where she signs with a finger, a pen or the mouse (signature_pad), with a button to clear
 * it. Tells its owner the drawn PNG (a data URL), or null while the box is empty.
 */
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

export function SignatureBox({
  onChange,
  error,
}: {
  onChange: (png: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const labelId = useId();
  const helpId = useId();

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // The canvas is drawn at the screen's pixel density, so the strokes stay sharp.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = (element.offsetWidth || 560) * ratio;
    element.height = (element.offsetHeight || 200) * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const signature = new SignaturePad(element, { backgroundColor: 'rgb(255,255,255)', penColor: '#1a1b1e' });
    const ended = () => changed.current(signature.isEmpty() ? null : signature.toDataURL('image/png'));
    signature.addEventListener('endStroke', ended);
    pad.current = signature;
    return () => {
      signature.removeEventListener('endStroke', ended);
      signature.off();
      pad.current = null;
    };
  }, []);

  const clear = () => {
    pad.current?.clear();
    changed.current(null);
  };

  return (
    <Stack gap={6}>
      <Text id={labelId} fw={500} size="sm">
        {t('plan.agreement.signatureLabel')}
      </Text>
      <Text id={helpId} size="sm" c="dark.5">
        {t('plan.agreement.signatureHelp')}
      </Text>
      <Box
        style={{
          border: `2px solid ${error ? '#c92a2a' : 'var(--mantine-color-gray-5)'}`,
          borderRadius: 8,
          background: '#fff',
        }}
      >
        <canvas
          ref={canvas}
          role="img"
          aria-labelledby={labelId}
          aria-describedby={helpId}
          data-testid="signature-canvas"
          style={{ display: 'block', width: '100%', height: 200, touchAction: 'none', cursor: 'crosshair' }}
        />
      </Box>
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="default" leftSection={<IconEraser size={16} aria-hidden="true" />} onClick={clear}>
          {t('plan.agreement.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
