import { useEffect, useState } from 'react';

/**
 * Whether an element is on screen: false inside a folded panel or a hidden tab. Live views use
 * it to stop redrawing what nobody can see. Returns the flag and a ref callback for the element.
 */
export function useVisible(): [boolean, (el: Element | null) => void] {
  const [el, setEl] = useState<Element | null>(null);
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setVisible(last.isIntersecting);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [el]);
  return [visible, setEl];
}
