/** Vite bundles `?worker&inline` imports into a worker constructor with the script inlined (a `blob:` URL). */
declare module '*?worker&inline' {
  const InlineWorker: new () => Worker;
  export default InlineWorker;
}
