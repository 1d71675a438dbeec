import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Vendor chunks cache across releases; charts are loaded lazily and keep their own chunk.
        // Only the d3 modules React Flow itself uses (pan, zoom, drag) belong with it: recharts'
        // d3 (scales, shapes, time formats) must stay with the lazily loaded charts.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'xyflow',
              test: /node_modules[\\/](@xyflow|d3-(zoom|drag|selection|transition|dispatch|timer|ease|interpolate|color)|classcat)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
});
