"use client";

import { useComputedColorScheme, useMantineTheme } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type PointerEvent } from "react";
import type { TraceModel } from "@/lib/trace/build-trace-model";
import { useServiceColor } from "../service-colors-context";
import { panView, viewFromDrag, type ViewWindow } from "@/lib/trace/view-window";
import classes from "./waterfall.module.css";

// Below this many pixels a press is a click (centre the window there), not a drag.
const CLICK_SLOP_PX = 3;

/**
 * The whole trace in one strip: every span as a line (rows top to bottom, time left to right),
 * drawn on a canvas once per trace and size. Dragging across it picks the part of the trace
 * the waterfall shows; a click moves the current window there.
 */
export function TraceMinimap({ model, view, onViewChange }: { model: TraceModel; view: ViewWindow; onViewChange: (view: ViewWindow) => void }) {
  const t = useTranslations("traces.minimap");
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme("light", { getInitialValueInEffect: true });
  const { ref: boxRef, width, height } = useElementSize();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  const colorOf = useServiceColor();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext("2d");
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const total = model.durationTotalNs || 1;
    const rows = model.size;
    const rowHeight = Math.max(1, Math.min(4, (height - 4) / Math.max(1, rows)));
    const colours = model.services.map(colorOf);
    const errorColour = theme.colors.red[6];
    context.globalAlpha = scheme === "dark" ? 0.85 : 0.75;
    for (let k = 0; k < rows; k++) {
      const span = model.tree.preorder[k]!;
      const y = 2 + (k / Math.max(1, rows)) * (height - 4);
      const x = (model.startNs[span]! / total) * width;
      const w = Math.max(1, (model.durationNs[span]! / total) * width);
      context.fillStyle = model.status[span] === 2 ? errorColour : colours[model.service[span]!]!;
      context.fillRect(x, y, w, rowHeight);
    }
  }, [model, width, height, scheme, theme, colorOf]);

  const xOf = (event: PointerEvent<HTMLDivElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;

  return (
    <div
      ref={boxRef}
      className={classes.minimap}
      role="slider"
      aria-label={t("label")}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(view.start * 100)}
      aria-valuetext={t("valueText", { from: Math.round(view.start * 100), to: Math.round(view.end * 100) })}
      tabIndex={0}
      data-testid="trace-minimap"
      onKeyDown={(event) => {
        const step = (view.end - view.start) / 4;
        if (event.key === "ArrowLeft") onViewChange(panView(view, -step));
        else if (event.key === "ArrowRight") onViewChange(panView(view, step));
        else return;
        event.preventDefault();
      }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const x = xOf(event);
        setDrag({ from: x, to: x });
      }}
      onPointerMove={(event) => {
        if (drag) setDrag({ from: drag.from, to: xOf(event) });
      }}
      onPointerUp={(event) => {
        if (!drag) return;
        const to = xOf(event);
        setDrag(null);
        if (Math.abs(to - drag.from) < CLICK_SLOP_PX) {
          const centre = to / width;
          onViewChange(panView(view, centre - (view.start + view.end) / 2));
        } else {
          onViewChange(viewFromDrag(drag.from, to, width));
        }
      }}
    >
      <canvas ref={canvasRef} className={classes.minimapCanvas} aria-hidden />
      <div className={classes.minimapShade} style={{ left: 0, width: `${view.start * 100}%` }} />
      <div className={classes.minimapShade} style={{ left: `${view.end * 100}%`, right: 0 }} />
      <div className={classes.minimapWindow} style={{ left: `${view.start * 100}%`, width: `${(view.end - view.start) * 100}%` }} />
      {drag && <div className={classes.minimapDrag} style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }} />}
    </div>
  );
}
