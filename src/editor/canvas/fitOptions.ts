/**
 * How the canvas frames the whole topology (on load, on opening another scenario, the Fit
 * button, after a panel changes the canvas's size). The left margin clears the zoom buttons
 * in the bottom-left corner, which otherwise cover the first column of a small canvas; never
 * zoomed in past 125%, so a two-node scenario does not fill the screen.
 */
export const FIT_OPTIONS = Object.freeze({
  padding: Object.freeze({ top: '10%', right: '8%', bottom: '10%', left: '76px' }),
  maxZoom: 1.25,
});
