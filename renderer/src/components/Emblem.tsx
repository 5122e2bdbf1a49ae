/** The app's mark: a yellow five-pointed star on Party red. Drawn inline, nothing fetched. */
export function Emblem({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label="Biểu tượng ứng dụng">
      <rect width="64" height="64" rx="12" fill="#c62828" />
      <polygon
        fill="#ffd600"
        points="32,10 37.9,24.9 53.9,25.9 41.5,36.1 45.5,51.6 32,43 18.5,51.6 22.5,36.1 10.1,25.9 26.1,24.9"
      />
    </svg>
  );
}
