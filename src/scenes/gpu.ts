/**
 * Is WebGL software-rendered here? On machines whose GPU is blocklisted, in virtual machines
 * and in headless test browsers, browsers fall back to a CPU rasteriser (SwiftShader in
 * Chrome, llvmpipe in Firefox on Linux). There every pixel drawn costs CPU, so the map gives
 * up multisampling and high-density pixels, which cost it more than they add.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function softwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    // Chrome refuses such a context when asked to (unless started with --enable-unsafe-swiftshader).
    const gl = (canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true }) ??
      canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true })) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    // Free the probe's context at once: browsers allow only a few at a time.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_RENDERERS.test(renderer);
  } catch {
    return true;
  }
}
