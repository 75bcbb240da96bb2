/**
 * Is WebGL software-rendered here? On machines whose GPU is blocklisted, in virtual machines
 * and in headless test browsers, browsers fall back to a CPU rasteriser (SwiftShader in
 * Chrome, llvmpipe in Firefox on Linux). There every pixel drawn costs CPU, so the map gives
 * up high-density pixels and fast gliding, which cost it more than they add.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether this context draws with a CPU rasteriser. */
export function isSoftwareContext(gl: WebGLRenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return SOFTWARE_RENDERERS.test(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? ''));
}

/** A throwaway context to ask before the map's own exists (it costs a few milliseconds). */
export function softwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    // Chrome refuses such a context when asked to (unless started with --enable-unsafe-swiftshader).
    const gl = (canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true }) ??
      canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true })) as WebGLRenderingContext | null;
    if (!gl) return true;
    const software = isSoftwareContext(gl);
    // Free the probe's context at once: browsers allow only a few at a time.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return software;
  } catch {
    return true;
  }
}
