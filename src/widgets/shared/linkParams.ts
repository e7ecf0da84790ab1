/** Whether the page's address sets any of a widget's parameters (then its calculation code is needed at once). */
export const hasParams = (shape: object): boolean =>
  Object.keys(shape).some((key) => new URLSearchParams(location.search).has(key));
